package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;

public record AuthorizeResponse(@JsonbProperty("SAD") String sad, long expiresIn) {

    @Override
    public String toString() {
        return "AuthorizeResponse[expiresIn=" + expiresIn + "]";
    }
}
