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
        assertEquals(error, assertCleanError(reply).path("error").asText(), reply.body());
    }

    /** Any error of the contract, whatever its status and code (a fault may bring several); returns its JSON. */
    static JsonNode assertCleanError(Sigillum.Reply reply) {
        assertTrue(reply.status() >= 400, "an error status: " + reply.status() + " " + reply.body());
        JsonNode json = reply.json();
        assertTrue(json.path("error").isTextual(), reply.body());
        assertTrue(json.path("error_description").isTextual(), reply.body());
        assertFalse(reply.body().matches("(?s).*(\\tat |Exception|org\\.sigillum\\.|java\\.lang).*"),
                "error leaks internals: " + reply.body());
        return json;
    }

    /** The same, refused for the reason expected: the description mentions {@code reason}. */
    static void assertError(Sigillum.Reply reply, int status, String error, String reason) {
        assertError(reply, status, error);
        assertTrue(reply.json().path("error_description").asText().contains(reason), reply.body());
    }
}
