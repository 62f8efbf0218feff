package org.sigillum.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ApiError;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.BearerTokens;

/**
 * Checks the bearer access token of CSC calls and hands its principal to the resource. Admin tokens are for the
 * admin API only: they are refused here as tokens of another audience (checklist C5).
 */
@Provider
@CscAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class BearerFilter implements ContainerRequestFilter {

    /** The WWW-Authenticate value of a refused bearer token (RFC 6750). */
    public static final String CHALLENGE = "Bearer realm=\"sigillum\", error=\"invalid_token\"";

    @EJB
    private BearerTokens tokens;
    @Inject
    private RequestCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = BearerHeader.token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        try {
            TokenPrincipal principal = cscPrincipal(tokens, token);
            caller.authenticated(principal);
            request.setSecurityContext(new TokenSecurityContext(principal, request.getSecurityContext().isSecure()));
        } catch (ServiceException e) {
            request.abortWith(unauthorized(e.getMessage()));
        }
    }

    /** The principal of a token that may call the CSC API and the document APIs: a user's, never an operator's. */
    public static TokenPrincipal cscPrincipal(BearerTokens tokens, String token) throws ServiceException {
        TokenPrincipal principal = tokens.authenticate(token);
        if (principal.userId() == null || principal.scopes().contains(Scopes.ADMIN)) {
            throw new ServiceException(ErrorCode.INVALID_TOKEN, "the token is not valid for the CSC API");
        }
        return principal;
    }

    static Response unauthorized(String description) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(ErrorCode.INVALID_TOKEN, description)).build();
    }

    /** The token's principal as the JAX-RS security context carries it. */
    public record Caller(TokenPrincipal token) implements Principal {
        @Override
        public String getName() {
            return token.userId() != null ? token.userId() : token.clientId();
        }
    }

    public static TokenPrincipal principal(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).token();
    }
}
