package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;

/** CSC {@code auth/login} body; the credentials themselves travel in the HTTP Basic header. */
public record LoginRequest(@JsonbProperty("refresh_token") String refreshToken, Boolean rememberMe, String clientData) {

    @Override
    public String toString() {
        return "LoginRequest[rememberMe=" + rememberMe + "]";
    }
}
