package org.sigillum.api.auth;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who the current HTTP request authenticated as, set by the web layer's token filters and read by the services
 * to name the actor and the client application in audit records and usage. Outside a request (startup, timers)
 * it is the system.
 */
@RequestScoped
public class RequestCaller {

    public static final String SYSTEM = "system";

    private TokenPrincipal principal;

    public void authenticated(TokenPrincipal tokenPrincipal) {
        this.principal = tokenPrincipal;
    }

    public String clientId() {
        return principal == null ? null : principal.clientId();
    }

    /** Whether the request's token carries {@code scope}; false outside a request. */
    public boolean hasScope(String scope) {
        return principal != null && principal.scopes().contains(scope);
    }

    /**
     * A service provider's back office with the {@code users} scope and not the operator's {@code admin}: it manages
     * only the accounts of its own group (checklist C12).
     */
    public boolean confinedToGroup() {
        return principal != null && principal.userId() == null && !hasScope(Scopes.ADMIN) && hasScope(Scopes.USERS);
    }

    /** The user a token speaks for, else the client application ({@code client:ID}), else the system. */
    public String actor() {
        if (principal == null) {
            return SYSTEM;
        }
        return principal.userId() != null ? principal.userId() : "client:" + principal.clientId();
    }
}
