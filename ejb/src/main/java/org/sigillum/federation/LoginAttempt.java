package org.sigillum.federation;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.sigillum.api.federation.LevelOfAssurance;

/**
 * A browser sent to provider {@code alias} for authorization {@code transactionId}: the level the authorization
 * needs, whether this is already the step-up, and what the protocol must check on the way back ({@code protocol}:
 * the OIDC nonce and PKCE verifier, the SAML request ID). Its {@code id} travels through the provider (OIDC
 * {@code state}, SAML RelayState) and is good once.
 */
public record LoginAttempt(String id, String alias, String transactionId, String clientId, LevelOfAssurance required,
                           boolean stepUp, Map<String, String> protocol, Instant startedAt) implements Serializable {

    public LoginAttempt {
        protocol = Map.copyOf(protocol);
    }

    @Override
    public String toString() {
        return "LoginAttempt[" + alias + ", stepUp=" + stepUp + "]";
    }
}
