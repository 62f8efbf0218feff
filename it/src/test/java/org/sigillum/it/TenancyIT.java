package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups of service providers (issue 13, checklist C12): the admin API for groups, and isolation: a service
 * provider of one group cannot log in, list, read, authorize or sign for a user of another group on any path, and
 * hears what it would hear for an account or token that does not exist.
 */
class TenancyIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    @TempDir
    Path dir;

    @Test
    void groupsAreCreatedReadChangedAndDeletedByTheOperatorAndAudited() {
        ObjectNode create = Sigillum.object().put("name", "c12-crud-" + UUID.randomUUID());
        create.putObject("policy").put("maxNumSignatures", 5).putArray("keyAlgorithms").add("EC-P-256");
        Sigillum.Reply created = Sigillum.operatorPost("/api/v1/groups", create);
        String id = Tenants.json(created, 201).get("id").asText();

        JsonNode group = Tenants.json(Sigillum.operatorGet("/api/v1/groups/" + id), 200);
        assertEquals(create.get("name").asText(), group.get("name").asText());
        assertEquals(5, group.get("policy").get("maxNumSignatures").asInt());
        assertEquals("EC-P-256", group.get("policy").get("keyAlgorithms").get(0).asText());
        boolean listed = false;
        for (JsonNode g : Tenants.json(Sigillum.operatorGet("/api/v1/groups"), 200)) {
            listed |= g.get("id").asText().equals(id);
        }
        assertTrue(listed);

        ObjectNode change = Sigillum.object().put("name", create.get("name").asText() + "-renamed");
        change.putObject("policy").put("basicLogin", false);
        JsonNode changed = Tenants.json(Sigillum.send("PUT", "/api/v1/groups/" + id, change, Sigillum.operatorToken()), 200);
        assertFalse(changed.get("policy").get("basicLogin").asBoolean());
        assertFalse(changed.get("policy").has("maxNumSignatures"), changed.toString());

        ObjectNode typo = Sigillum.object().put("name", "c12-typo-" + UUID.randomUUID());
        typo.putObject("policy").putArray("signatureFormats").add("PDF");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/groups", typo), 400, "invalid_request", "signatureFormats");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/groups", create.put("name", changed.get("name").asText())),
                409, "conflict");
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/groups/" + UUID.randomUUID()), 404, "not_found");
        ApiErrors.assertError(Sigillum.delete("/api/v1/groups/default"), 409, "conflict");

        OAuthApp member = OAuthApp.register("service", id);
        ApiErrors.assertError(Sigillum.delete("/api/v1/groups/" + id), 409, "conflict");
        assertEquals(204, Sigillum.delete("/api/v1/clients/" + member.clientId).status());
        assertEquals(204, Sigillum.delete("/api/v1/groups/" + id).status());
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/groups/" + id), 404, "not_found");

        List<String> events = recentEvents();
        assertTrue(events.containsAll(List.of("GROUP_CREATED", "GROUP_UPDATED", "GROUP_DELETED", "GROUP_CHANGE_REFUSED")),
                events.toString());

        JsonNode paths = Sigillum.get("/openapi?format=JSON", null).json().get("paths");
        for (String path : List.of("/api/v1/groups", "/api/v1/groups/{id}", "/api/v1/clients/{id}/group")) {
            assertTrue(paths.has(path), path + " in " + paths.fieldNames().next());
        }
        ApiErrors.assertError(Sigillum.get("/api/v1/groups", null), 401, "invalid_token");
    }

    @Test
    void c12ClientsJoinTheGroupTheyAreRegisteredInAndMovingOneIsAuditedAndRevokesItsTokens() {
        String a = Tenants.group("c12-move-a", "{}");
        String b = Tenants.group("c12-move-b", "{}");
        OAuthApp app = OAuthApp.register("service", a);
        assertEquals(a, Tenants.json(Sigillum.operatorGet("/api/v1/clients/" + app.clientId), 200).get("group").asText());
        String username = "c12-move-" + UUID.randomUUID();
        Tenants.user(username, a);
        String token = Tenants.serviceToken(app, username);
        assertEquals(200, Sigillum.post("/csc/v2/credentials/list", "application/json", "{}", token).status());

        JsonNode moved = Tenants.json(Sigillum.send("PUT", "/api/v1/clients/" + app.clientId + "/group",
                Sigillum.object().put("group", b), Sigillum.operatorToken()), 200);
        assertEquals(b, moved.get("group").asText());
        ApiErrors.assertError(Sigillum.post("/csc/v2/credentials/list", "application/json", "{}", token), 401,
                "invalid_token");
        assertTrue(recentEvents().contains("CLIENT_MOVED"));
        ApiErrors.assertError(Sigillum.send("PUT", "/api/v1/clients/" + app.clientId + "/group",
                Sigillum.object().put("group", "no-such-group"), Sigillum.operatorToken()), 404, "not_found");
        ObjectNode unknownGroup = Sigillum.object().put("client_name", "c12").put("scope", "admin").put("group", "nope");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/clients", unknownGroup), 400, "invalid_request");
    }

    @Test
    void c12AServiceProviderCannotLogInAUserOfAnotherGroupAndHearsWhatAWrongPasswordHears() {
        String a = Tenants.group("c12-login-a", "{}");
        String b = Tenants.group("c12-login-b", "{}");
        OAuthApp appA = OAuthApp.register("service", a);
        OAuthApp appB = OAuthApp.register("service", b);
        String userB = "c12-login-" + UUID.randomUUID();
        Tenants.user(userB, b);

        String crossGroup = loginPage(appA, userB, CscClient.PASSWORD);
        String wrongPassword = loginPage(appA, "c12-nobody-" + UUID.randomUUID(), CscClient.PASSWORD);
        assertTrue(crossGroup.contains("The username or password is wrong"), crossGroup);
        assertEquals(errorOf(wrongPassword), errorOf(crossGroup));
        // the user's own group's service provider logs them in
        assertEquals(200, Sigillum.post("/csc/v2/credentials/list", "application/json", "{}",
                Tenants.serviceToken(appB, userB)).status());
    }

    /**
     * Every path a user's token takes is refused once the token's service provider and the user are in different
     * groups, as an unknown token is: the check is made where every token is authenticated. The user is moved in the
     * database, since the API never lets a token cross groups.
     */
    @Test
    void c12ATokenOfAnotherGroupsServiceProviderIsRefusedOnEveryPathLikeAnUnknownToken() throws Exception {
        String a = Tenants.group("c12-paths-a", "{}");
        String b = Tenants.group("c12-paths-b", "{}");
        OAuthApp app = OAuthApp.register("service credential", a);
        String username = "c12-paths-" + UUID.randomUUID();
        String userId = Tenants.user(username, a);
        String credentialId = Tenants.credential(userId, EC);
        String token = Tenants.serviceToken(app, username);
        byte[] hash = Signatures.sha256(Signatures.randomData());
        String hash64 = Base64.getEncoder().encodeToString(hash);
        String sad = Tenants.json(Tenants.authorize(token, credentialId, 1, List.of(hash64)), 200).get("SAD").asText();
        // a second token of the same sign-in kind, not yet used: a node keeps a token it has looked up for
        // sigillum.token.cache-seconds, and only the API's own changes (a client moved, an account disabled) clear
        // that cache, not this test's change in the database
        String fresh = Tenants.serviceToken(app, username);

        Map<String, ObjectNode> calls = new java.util.LinkedHashMap<>();
        calls.put("/csc/v2/credentials/list", Sigillum.object());
        calls.put("/csc/v2/credentials/info", Sigillum.object().put("credentialID", credentialId));
        ObjectNode authorize = Sigillum.object().put("credentialID", credentialId).put("numSignatures", 1)
                .put("hashAlgorithmOID", CscClient.SHA256);
        authorize.withArray("hashes").add(hash64);
        authorize.withArray("authData").addObject().put("id", "PIN").put("value", CscClient.PIN);
        calls.put("/csc/v2/credentials/authorize", authorize);
        calls.put("/csc/v2/credentials/extendTransaction", Sigillum.object().put("credentialID", credentialId)
                .put("SAD", sad));
        ObjectNode signHash = Sigillum.object().put("credentialID", credentialId).put("SAD", sad)
                .put("signAlgo", ECDSA_SHA256).put("hashAlgorithmOID", CscClient.SHA256);
        signHash.withArray("hashes").add(hash64);
        calls.put("/csc/v2/signatures/signHash", signHash);
        ObjectNode signDoc = Sigillum.object().put("credentialID", credentialId).put("SAD", sad);
        ObjectNode entry = signDoc.withArray("documentDigests").addObject().put("hashAlgorithmOID", CscClient.SHA256)
                .put("signature_format", "C").put("conformance_level", "Ades-B-B").put("signAlgo", ECDSA_SHA256);
        entry.withArray("hashes").add(hash64);
        calls.put("/csc/v2/signatures/signDoc", signDoc);
        calls.put("/csc/v1/credentials/list", Sigillum.object());
        calls.put("/csc/v1/credentials/info", Sigillum.object().put("credentialID", credentialId));
        calls.put("/csc/v1/signatures/signHash", signHash);

        assertEquals(200, post("/csc/v2/credentials/list", Sigillum.object(), token).status());
        moveUser(userId, b);
        try {
            String unknown = "c12-" + UUID.randomUUID();
            for (Map.Entry<String, ObjectNode> call : calls.entrySet()) {
                Sigillum.Reply refused = post(call.getKey(), call.getValue(), fresh);
                Sigillum.Reply asUnknown = post(call.getKey(), call.getValue(), unknown);
                ApiErrors.assertError(refused, 401, "invalid_token");
                assertEquals(asUnknown.body(), refused.body(), call.getKey());
            }
            ObjectNode options = Sigillum.object().put("credentialID", credentialId).put("SAD", sad)
                    .put("signature_format", "P").put("conformance_level", "Ades-B-B").put("signAlgo", ECDSA_SHA256);
            byte[] pdf = TestDocuments.pdf("Other group");
            DocumentUpload.Answer answer = DocumentUpload.to(dir).bearer(fresh)
                    .file(Files.write(dir.resolve("c12.pdf"), pdf), "c12.pdf").options(options).send();
            ApiErrors.assertError(answer.asReply(), 401, "invalid_token");
        } finally {
            moveUser(userId, a);
        }
        // the same token, the user back in its service provider's group: the refusals were the group's doing
        assertEquals(200, post("/csc/v2/credentials/list", Sigillum.object(), fresh).status());
        Sigillum.Reply signed = post("/csc/v2/signatures/signHash", signHash, fresh);
        assertEquals(200, signed.status(), signed.body());
    }

    private static Sigillum.Reply post(String path, ObjectNode body, String token) {
        return Sigillum.post(path, "application/json", body.toString(), token);
    }

    private static void moveUser(String userId, String group) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement update = db.prepareStatement("UPDATE sig_user SET group_id = ? WHERE id = ?")) {
            update.setString(1, group);
            update.setString(2, userId);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** The login page's answer to a username and password, for the app's authorization request. */
    private static String loginPage(OAuthApp app, String username, String password) {
        Browser browser = new Browser();
        Sigillum.Reply login = browser.open(app.authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service")));
        assertEquals(200, login.status(), login.body());
        Sigillum.Reply answer = browser.submit(OAuthApp.AUTHORIZE + "/login", Map.of("username", username,
                "password", password));
        assertEquals(200, answer.status(), answer.body());
        return answer.body();
    }

    /** The error paragraph of a login page, without the transaction's own hidden fields. */
    private static String errorOf(String page) {
        int at = page.indexOf("The username or password is wrong");
        return at < 0 ? "" : page.substring(at, page.indexOf('<', at));
    }

    static List<String> recentEvents() {
        JsonNode verification = Sigillum.operatorGet("/api/v1/audit/verify").json();
        long head = verification.get("headSeq").asLong();
        List<String> events = new ArrayList<>();
        for (JsonNode record : Sigillum.operatorGet("/api/v1/audit?from=" + Math.max(1, head - 60) + "&limit=80").json()) {
            events.add(record.get("event").asText());
        }
        return events;
    }
}
