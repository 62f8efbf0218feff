package org.sigillum.api.oauth;

import jakarta.json.bind.annotation.JsonbProperty;

/** RFC 9126 answer: where the pushed request can be referred to, and for how long. */
public record PushedRequest(@JsonbProperty("request_uri") String requestUri, @JsonbProperty("expires_in") long expiresIn) {
}
