package org.sigillum.api.auth;

import java.util.Set;

/** Who a bearer token speaks for: a user (when one is bound), the client application, the granted scopes. */
public record TokenPrincipal(String userId, String clientId, Set<String> scopes) {

    public TokenPrincipal {
        scopes = Set.copyOf(scopes);
    }
}
