package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

/**
 * A fresh user with the test password and PIN and one credential created by the operator: what a test needs to
 * drive the OAuth flow as a signer through the browser pages.
 */
record SigningUser(String username, String userId, String credentialId) {

    /** {@code keyJson} is the credential request, e.g. {@code {"keyAlgo":"EC","curve":"P-256"}}. */
    static SigningUser create(String usernamePrefix, String keyJson) {
        String username = usernamePrefix + "-" + UUID.randomUUID();
        String userId = Sigillum.createUser(username, CscClient.PASSWORD, CscClient.PIN);
        Sigillum.Reply created = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials", keyJson);
        assertEquals(201, created.status(), created.body());
        return new SigningUser(username, userId, created.json().get("credentialID").asText());
    }
}
