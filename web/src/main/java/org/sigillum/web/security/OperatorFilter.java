package org.sigillum.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.BearerTokens;

/**
 * Admits to the admin API only tokens of scope {@code admin} that an operator's client obtained with
 * client_credentials; a user's token, whatever its scope, is of another audience (checklist C5).
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorFilter implements ContainerRequestFilter {

    @EJB
    private BearerTokens tokens;
    @Inject
    private RequestCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        try {
            TokenPrincipal principal = tokens.authenticateOperator(BearerHeader.token(header), header != null,
                    request.getMethod(), request.getUriInfo().getPath());
            caller.authenticated(principal);
            request.setSecurityContext(new TokenSecurityContext(principal, request.getSecurityContext().isSecure()));
        } catch (ServiceException e) {
            request.abortWith(BearerFilter.unauthorized(e.getMessage()));
        }
    }
}
