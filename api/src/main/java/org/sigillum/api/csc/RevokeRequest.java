package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;

/** CSC {@code auth/revoke} body. */
public record RevokeRequest(String token, @JsonbProperty("token_type_hint") String tokenTypeHint, String clientData) {

    @Override
    public String toString() {
        return "RevokeRequest[token_type_hint=" + tokenTypeHint + "]";
    }
}
