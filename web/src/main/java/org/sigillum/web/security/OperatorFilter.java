package org.sigillum.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.BearerTokens;

/**
 * Admits to the admin API only tokens of scope {@code admin} that an operator's client obtained with
 * client_credentials, and on the resources that say so a back office's {@code users} or {@code auditor} token; a
 * user's token, whatever its scope, is of another audience (checklist C5, C12).
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorFilter implements ContainerRequestFilter {

    @EJB
    private BearerTokens tokens;
    @Inject
    private RequestCaller caller;
    @Context
    private ResourceInfo resource;

    /** The back-office scopes this resource and method admit besides admin (none for most of the admin API). */
    private Set<String> alsoAdmitted(String method) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        AlsoAdmits admits = type == null ? null : type.getAnnotation(AlsoAdmits.class);
        if (admits == null || (admits.readOnly() && !HttpMethod.GET.equals(method))) {
            return Set.of();
        }
        return Set.of(admits.value());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        try {
            TokenPrincipal principal = tokens.authenticateOperator(BearerHeader.token(header), header != null,
                    request.getMethod(), request.getUriInfo().getPath(), alsoAdmitted(request.getMethod()));
            caller.authenticated(principal);
            request.setSecurityContext(new TokenSecurityContext(principal, request.getSecurityContext().isSecure()));
        } catch (ServiceException e) {
            request.abortWith(BearerFilter.unauthorized(e.getMessage()));
        }
    }
}
