package org.sigillum.oauth;

import java.io.Serializable;
import java.time.Instant;
import org.sigillum.api.sam.SadGrant;

/**
 * What an authorization code stands for until it is redeemed: client, redirect URI and PKCE challenge to match,
 * the user, the scope and, for a credential authorization, the SAD grant the user approved with the factors
 * they proved. Once redeemed it stays behind as spent, so a replay can revoke the tokens issued (C2).
 */
record CodeGrant(String clientId, String redirectUri, String codeChallenge, String userId, String scope,
                 SadGrant sadGrant, String authorizationDetails, String familyId, Instant expiresAt, boolean spent)
        implements Serializable {

    CodeGrant asSpent() {
        return new CodeGrant(clientId, redirectUri, codeChallenge, userId, scope, sadGrant, authorizationDetails, familyId,
                expiresAt, true);
    }

    @Override
    public String toString() {
        return "CodeGrant[client=" + clientId + ", scope=" + scope + ", spent=" + spent + "]";
    }
}
