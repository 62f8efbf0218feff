package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** The error contract of every API: status, {"error","error_description"}, and no server internals. */
final class ApiErrors {

    private ApiErrors() {
    }

    static void assertError(Sigillum.Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.body());
        JsonNode json = reply.json();
        assertEquals(error, json.path("error").asText(), reply.body());
        assertTrue(json.path("error_description").isTextual(), reply.body());
        assertFalse(reply.body().matches("(?s).*(\\tat |Exception|org\\.sigillum\\.|java\\.lang).*"),
                "error leaks internals: " + reply.body());
    }

    /** The same, refused for the reason expected: the description mentions {@code reason}. */
    static void assertError(Sigillum.Reply reply, int status, String error, String reason) {
        assertError(reply, status, error);
        assertTrue(reply.json().path("error_description").asText().contains(reason), reply.body());
    }
}
