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

@Provider
@AnyToken
@Priority(Priorities.AUTHENTICATION)
public class AnyTokenFilter implements ContainerRequestFilter {

    @EJB
    private BearerTokens tokens;
    @Inject
    private RequestCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            TokenPrincipal principal = tokens.authenticate(BearerHeader.token(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
            caller.authenticated(principal);
            request.setSecurityContext(new TokenSecurityContext(principal, request.getSecurityContext().isSecure()));
        } catch (ServiceException e) {
            request.abortWith(BearerFilter.unauthorized(e.getMessage()));
        }
    }
}
