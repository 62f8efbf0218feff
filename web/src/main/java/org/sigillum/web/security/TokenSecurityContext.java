package org.sigillum.web.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.sigillum.api.auth.TokenPrincipal;

/** A bearer token's principal as the JAX-RS security context; roles are the token's scopes. */
record TokenSecurityContext(TokenPrincipal principal, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return new BearerFilter.Caller(principal);
    }

    @Override
    public boolean isUserInRole(String scope) {
        return principal.scopes().contains(scope);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
