package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CSC auth/login with HTTP Basic for local accounts, auth/revoke, and checklist C8 for passwords: guessing
 * locks the account, and no answer tells a wrong password from an unknown user or a locked account.
 */
class LocalLoginIT {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void loginIssuesAServiceTokenAndRevokeEndsIt() {
        String name = "login-" + UUID.randomUUID();
        Sigillum.createUser(name, PASSWORD, "123456");
        Sigillum.Reply reply = Sigillum.login(name, PASSWORD, false);
        assertEquals(200, reply.status(), reply.body());
        JsonNode tokens = reply.json();
        String access = tokens.get("access_token").asText();
        assertTrue(access.length() >= 43, "256-bit token");
        assertEquals(3600, tokens.get("expires_in").asLong());
        assertFalse(tokens.has("refresh_token"), "no refresh token without rememberMe");

        Sigillum.Reply revoke = Sigillum.post("/csc/v2/auth/revoke", "application/json",
                Sigillum.object().put("token", access).toString(), access);
        assertEquals(204, revoke.status(), revoke.body());
        ApiErrors.assertError(Sigillum.post("/csc/v2/auth/revoke", "application/json",
                Sigillum.object().put("token", access).toString(), access), 401, "invalid_token");
    }

    @Test
    void rememberMeGivesARefreshTokenThatYieldsNewAccessTokens() {
        String name = "remember-" + UUID.randomUUID();
        Sigillum.createUser(name, PASSWORD, null);
        JsonNode tokens = Sigillum.login(name, PASSWORD, true).json();
        String refresh = tokens.get("refresh_token").asText();
        Sigillum.Reply renewed = Sigillum.postJson("/csc/v2/auth/login",
                Sigillum.object().put("refresh_token", refresh).toString());
        assertEquals(200, renewed.status(), renewed.body());
        String access = renewed.json().get("access_token").asText();
        assertFalse(access.equals(tokens.get("access_token").asText()));
        assertEquals(204, Sigillum.post("/csc/v2/auth/revoke", "application/json",
                Sigillum.object().put("token", refresh).toString(), access).status());
        ApiErrors.assertError(Sigillum.postJson("/csc/v2/auth/login",
                Sigillum.object().put("refresh_token", refresh).toString()), 400, "invalid_grant");
    }

    @Test
    void missingBasicCredentialsAreAskedFor() {
        Sigillum.Reply reply = Sigillum.postJson("/csc/v2/auth/login", "{}");
        ApiErrors.assertError(reply, 401, "invalid_request");
    }

    @Test
    void c8WrongPasswordUnknownUserAndLockedAccountLookTheSame() {
        String name = "c8-" + UUID.randomUUID();
        String user = Sigillum.createUser(name, PASSWORD, null);
        Sigillum.Reply wrong = Sigillum.login(name, "wrong password!", false);
        Sigillum.Reply unknown = Sigillum.login("nobody-" + UUID.randomUUID(), PASSWORD, false);
        ApiErrors.assertError(wrong, 400, "invalid_grant");
        assertEquals(wrong.body(), unknown.body(), "the answer must not tell an unknown user from a wrong password");

        for (int i = 0; i < 4; i++) {
            ApiErrors.assertError(Sigillum.login(name, "guess number " + i, false), 400, "invalid_grant");
        }
        Sigillum.Reply locked = Sigillum.login(name, PASSWORD, false);
        assertEquals(wrong.body(), locked.body(), "after five failures even the right password is refused, silently");

        long head = Sigillum.operatorGet("/api/v1/audit/verify").json().get("headSeq").asLong();
        JsonNode records = Sigillum.operatorGet("/api/v1/audit?from=" + Math.max(1, head - 50) + "&limit=100").json();
        long refusals = 0;
        for (JsonNode record : records) {
            if ("LOGIN_REFUSED".equals(record.get("event").asText()) && user.equals(record.path("userId").asText())) {
                refusals++;
                assertFalse(record.toString().contains("guess number"), "a tried password in the audit log");
            }
        }
        assertEquals(6, refusals, "every refused attempt is audited");
    }

    @Test
    void onlyDigestsOfTokensAreStored() throws Exception {
        String name = "digest-" + UUID.randomUUID();
        Sigillum.createUser(name, PASSWORD, null);
        String access = Sigillum.login(name, PASSWORD, false).json().get("access_token").asText();
        try (Connection db = Database.connect(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT token_hash FROM bearer_token")) {
            int count = 0;
            while (rows.next()) {
                count++;
                assertNotNull(rows.getString(1));
                assertFalse(rows.getString(1).contains(access));
            }
            assertTrue(count > 0);
        }
        try (Connection db = Database.connect(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT password_hash, pin_hash FROM sig_user WHERE username = '"
                     + name + "'")) {
            assertTrue(rows.next());
            assertTrue(rows.getString(1).startsWith("$argon2id$") && rows.getString(1).contains(",k=hsm$"),
                    "password stored as Argon2id over an HSM-peppered input: " + rows.getString(1));
            assertFalse(rows.getString(1).contains(PASSWORD));
        }
    }
}
