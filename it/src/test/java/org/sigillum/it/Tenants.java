package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Groups of service providers and their members, set up through the admin API as an operator would. */
final class Tenants {

    private Tenants() {
    }

    /** A new group with the given policy JSON; returns its ID. */
    static String group(String namePrefix, String policyJson) {
        ObjectNode body = Sigillum.object().put("name", namePrefix + "-" + UUID.randomUUID());
        try {
            body.set("policy", Sigillum.JSON.readTree(policyJson));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/groups", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("id").asText();
    }

    /** An account with password and PIN enrolled in a group; returns its ID. */
    static String user(String username, String group) {
        ObjectNode body = Sigillum.object().put("username", username).put("password", CscClient.PASSWORD)
                .put("pin", CscClient.PIN).put("group", group);
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("id").asText();
    }

    static String credential(String userId, String spec) {
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials", spec);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("credentialID").asText();
    }

    /** A service-scope token of {@code app} for the user, through the authorization-code flow. */
    static String serviceToken(OAuthApp app, String username) {
        String verifier = OAuthApp.newVerifier();
        String code = app.approve(new Browser(), verifier, Map.of("scope", "service"), username, CscClient.PASSWORD, null);
        return app.tokens(code, verifier).get("access_token").asText();
    }

    /** A client_credentials token of the given back-office scope. */
    static String backOfficeToken(OAuthApp app, String scope) {
        Sigillum.Reply reply = Sigillum.form(OAuthApp.TOKEN, app.basic(), "grant_type=client_credentials&scope=" + scope);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("access_token").asText();
    }

    /** A back-office client (no redirect URIs) of a group with the given scopes. */
    static OAuthApp backOffice(String scope, String group) {
        ObjectNode body = Sigillum.object().put("client_name", "Back office " + UUID.randomUUID()).put("scope", scope)
                .put("group", group);
        body.putArray("redirect_uris");
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/clients", body);
        assertEquals(201, reply.status(), reply.body());
        return OAuthApp.of(reply.json().get("client_id").asText(), reply.json().get("client_secret").asText());
    }

    /** credentials/authorize with the PIN and the given hashes (base64), under any bearer token. */
    static Sigillum.Reply authorize(String token, String credentialId, int numSignatures, List<String> hashes) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("numSignatures", numSignatures);
        if (hashes != null) {
            body.put("hashAlgorithmOID", CscClient.SHA256);
            hashes.forEach(h -> body.withArray("hashes").add(h));
        }
        body.withArray("authData").addObject().put("id", "PIN").put("value", CscClient.PIN);
        return Sigillum.whenNotBusy(() -> Sigillum.post("/csc/v2/credentials/authorize", "application/json",
                body.toString(), token));
    }

    static JsonNode json(Sigillum.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        return reply.json();
    }
}
