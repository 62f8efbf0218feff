package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;

public record LoginResponse(@JsonbProperty("access_token") String accessToken,
                            @JsonbProperty("refresh_token") String refreshToken,
                            @JsonbProperty("expires_in") long expiresIn) {

    @Override
    public String toString() {
        return "LoginResponse[expires_in=" + expiresIn + "]";
    }
}
