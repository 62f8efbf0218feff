package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Checklist E1 for the calls that left no audit record on the server this was found on: failed client
 * authentication at the token and PAR endpoints, admin calls with a wrong token, CSC signatures/timestamp,
 * auth/revoke and oauth2/revoke.
 */
class AuthenticationAuditIT {

    @Test
    void e1FailedClientAuthenticationAtTheTokenEndpointIsAudited() {
        OAuthApp app = OAuthApp.register("service");
        long head = AuditLog.head();
        ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, Sigillum.basic(app.clientId, "not the secret"),
                "grant_type=client_credentials&scope=admin"), 401, "invalid_client");
        JsonNode record = only(head, r -> "CLIENT_AUTHENTICATION_REFUSED".equals(r.path("event").asText())
                && r.path("detail").asText().contains(app.clientId));
        assertEquals("REFUSED", record.get("outcome").asText());
        assertTrue(record.get("detail").asText().contains("\"endpoint\":\"token\""), record.toString());
        assertTrue(!record.get("detail").asText().contains("not the secret"), "never the secret presented");
    }

    @Test
    void e1FailedClientAuthenticationAtTheParEndpointIsAudited() {
        OAuthApp app = OAuthApp.register("service");
        long head = AuditLog.head();
        String body = OAuthApp.query(java.util.Map.of("response_type", "code", "client_id", app.clientId,
                "redirect_uri", app.redirectUri, "code_challenge", OAuthApp.challenge(OAuthApp.newVerifier()),
                "code_challenge_method", "S256", "scope", "service"));
        ApiErrors.assertError(Sigillum.form("/csc/v2/oauth2/pushed_authorize", Sigillum.basic(app.clientId, "wrong"),
                body), 401, "invalid_client");
        JsonNode record = only(head, r -> "CLIENT_AUTHENTICATION_REFUSED".equals(r.path("event").asText())
                && r.path("detail").asText().contains(app.clientId));
        assertTrue(record.get("detail").asText().contains("\"endpoint\":\"par\""), record.toString());
    }

    @Test
    void e1c12AdminCallWithAWrongTokenIsAudited() {
        CscClient user = CscClient.newSigner();
        long head = AuditLog.head();
        ApiErrors.assertError(Sigillum.get("/api/v1/clients", user.token), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.get("/api/v1/clients", "forged-" + java.util.UUID.randomUUID()), 401, "invalid_token");
        List<JsonNode> refused = AuditLog.recordsAfter(head).stream()
                .filter(r -> "ADMIN_ACCESS_REFUSED".equals(r.path("event").asText())).toList();
        assertTrue(refused.stream().anyMatch(r -> user.userId.equals(r.path("actor").asText())), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> "anonymous".equals(r.path("actor").asText())
                && r.path("detail").asText().contains("clients")), refused.toString());
    }

    @Test
    void e1CscTimestampIsAudited() throws Exception {
        CscClient signer = CscClient.newSigner();
        long head = AuditLog.head();
        byte[] hash = CscClient.digest("SHA-256", "stamped".getBytes(StandardCharsets.UTF_8));
        Sigillum.Reply reply = signer.call("signatures/timestamp", Sigillum.object()
                .put("hash", Base64.getEncoder().encodeToString(hash)).put("hashAlgorithmOID", CscClient.SHA256));
        assertEquals(200, reply.status(), reply.body());
        JsonNode record = only(head, r -> "TIMESTAMP_ISSUED".equals(r.path("event").asText())
                && signer.userId.equals(r.path("userId").asText()));
        assertEquals("SUCCESS", record.get("outcome").asText());
        ApiErrors.assertError(signer.call("signatures/timestamp", Sigillum.object().put("hash", "AA==")), 400,
                "invalid_request");
        only(head, r -> "TIMESTAMP_REFUSED".equals(r.path("event").asText())
                && signer.userId.equals(r.path("userId").asText()));
    }

    @Test
    void e1AuthRevokeIsAudited() {
        CscClient signer = CscClient.newSigner();
        long head = AuditLog.head();
        assertEquals(204, Sigillum.post("/csc/v2/auth/revoke", "application/json",
                Sigillum.object().put("token", signer.token).toString(), signer.token).status());
        JsonNode record = only(head, r -> "TOKEN_REVOKED".equals(r.path("event").asText())
                && signer.userId.equals(r.path("userId").asText()));
        assertTrue(record.get("detail").asText().contains("auth/revoke"), record.toString());
        assertTrue(!record.get("detail").asText().contains(signer.token), "never the token itself");
    }

    @Test
    void e1OAuthRevokeIsAudited() {
        String clientId = Sigillum.env("SIGILLUM_IT_BOOTSTRAP_CLIENT_ID");
        String secret = Sigillum.env("SIGILLUM_IT_BOOTSTRAP_CLIENT_SECRET");
        String token = Sigillum.clientCredentialsToken(clientId, secret);
        long head = AuditLog.head();
        Sigillum.Reply revoked = Sigillum.form("/csc/v2/oauth2/revoke", Sigillum.basic(clientId, secret),
                "token=" + Sigillum.urlEncode(token));
        assertEquals(200, revoked.status(), revoked.body());
        JsonNode record = only(head, r -> "TOKEN_REVOKED".equals(r.path("event").asText())
                && r.path("detail").asText().contains("oauth2/revoke"));
        assertEquals(clientId, record.get("clientId").asText());
        ApiErrors.assertError(Sigillum.get("/api/v1/clients", token), 401, "invalid_token");
    }

    /** The one record after {@code head} that matches. */
    private static JsonNode only(long head, Predicate<JsonNode> match) {
        List<JsonNode> found = AuditLog.recordsAfter(head).stream().filter(match).toList();
        assertEquals(1, found.size(), "one matching audit record expected, found: " + found);
        return found.get(0);
    }
}
