package org.sigillum.api.federation;

import java.util.Map;

/**
 * An identity provider as the operator writes it: {@code kind} OIDC or SAML, {@code settings} by kind (OIDC:
 * {@code issuer}, {@code clientId}, optional {@code scopes}, {@code levelClaim}; SAML: see docs/federation.md),
 * the client {@code secret} (write-only: stored sealed, never returned), and {@code levelMapping} from the
 * provider's {@code acr} or AuthnContextClassRef values to {@code low}, {@code substantial} or {@code high}.
 * On update, a null secret keeps the stored one.
 */
public record IdentityProviderRequest(String alias, String kind, String displayName, Boolean enabled,
                                      Map<String, String> settings, String secret, Map<String, String> levelMapping) {

    @Override
    public String toString() {
        return "IdentityProviderRequest[alias=" + alias + ", kind=" + kind + "]";
    }
}
