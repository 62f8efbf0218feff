package org.sigillum.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.BearerTokens;

/**
 * Admits to the admin API only tokens of scope {@code admin} that an operator's client obtained with
 * client_credentials; a user's token, whatever its scope, is of another audience (checklist C5).
 */
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorFilter implements ContainerRequestFilter {

    /** The same name as {@code org.sigillum.audit.Events.ADMIN_ACCESS_REFUSED}; web sees only the API jar. */
    private static final String ACCESS_REFUSED = "ADMIN_ACCESS_REFUSED";
    private static final int MAX_PATH = 200;

    @EJB
    private BearerTokens tokens;
    @EJB
    private AuditTrail audit;
    @Inject
    private RequestCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = BearerHeader.token(header);
        try {
            TokenPrincipal principal = tokens.authenticate(token);
            if (principal.userId() != null || !principal.scopes().contains(Scopes.ADMIN)) {
                refuse(request, principal.userId() != null ? principal.userId() : "client:" + principal.clientId(),
                        "the token is not valid for the admin API");
                return;
            }
            caller.authenticated(principal);
            request.setSecurityContext(new TokenSecurityContext(principal, request.getSecurityContext().isSecure()));
        } catch (ServiceException e) {
            if (header == null) {
                // no credentials at all: nobody tried to be an operator, and an anonymous flood must not write the log
                request.abortWith(BearerFilter.unauthorized(e.getMessage()));
            } else {
                refuse(request, "anonymous", e.getMessage());
            }
        }
    }

    /** An admin call with a token that is not an operator's: refused, and audited (checklist E1, C12). */
    private void refuse(ContainerRequestContext request, String actor, String reason) {
        String path = request.getUriInfo().getPath();
        audit.recordRefusal(new AuditEvent(ACCESS_REFUSED, AuditEvent.Outcome.REFUSED, actor, null, null,
                Map.of("method", request.getMethod(), "path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path,
                        "reason", reason)));
        request.abortWith(BearerFilter.unauthorized(reason));
    }
}
