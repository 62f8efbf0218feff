package org.sigillum.api.oauth;

import jakarta.json.JsonArray;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A successful token endpoint answer (RFC 6749 5.1). A credential-scope token names its credential and echoes
 * the authorization details the user approved, as CSC v2 asks; it is also the SAD of that authorization.
 */
public record TokenResponse(@JsonbProperty("access_token") String accessToken,
                            @JsonbProperty("token_type") String tokenType,
                            @JsonbProperty("expires_in") long expiresIn,
                            @JsonbProperty("refresh_token") String refreshToken,
                            @JsonbProperty("scope") String scope,
                            @JsonbProperty("credentialID") String credentialId,
                            @JsonbProperty("authorization_details") JsonArray authorizationDetails) {

    @Override
    public String toString() {
        return "TokenResponse[scope=" + scope + ", expires_in=" + expiresIn + "]";
    }
}
