package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A service provider's back office with the users scope manages the accounts of its own group and nothing else
 * (C12); an auditor reads audit records and usage and can change nothing.
 */
class BackOfficeScopesIT {

    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    @Test
    void c12AUsersTokenManagesItsOwnGroupsAccountsAndFindsNoOtherGroupsAccount() {
        String a = Tenants.group("c12-users-a", "{}");
        String b = Tenants.group("c12-users-b", "{}");
        String token = Tenants.backOfficeToken(Tenants.backOffice("users", a), "users");
        String otherGroupsUser = Tenants.user("c12-other-" + UUID.randomUUID(), b);
        String otherGroupsCredential = Tenants.credential(otherGroupsUser, EC);

        ObjectNode create = Sigillum.object().put("username", "c12-own-" + UUID.randomUUID())
                .put("password", CscClient.PASSWORD).put("pin", CscClient.PIN);
        JsonNode own = Tenants.json(Sigillum.send("POST", "/api/v1/users", create, token), 201);
        assertEquals(a, own.get("group").asText());
        String ownId = own.get("id").asText();
        ApiErrors.assertError(Sigillum.send("POST", "/api/v1/users", Sigillum.object()
                .put("username", "c12-x-" + UUID.randomUUID()).put("group", b), token), 400, "invalid_request");
        assertEquals(ownId, Tenants.json(Sigillum.get("/api/v1/users/" + ownId, token), 200).get("id").asText());
        JsonNode credential = Tenants.json(Sigillum.send("POST", "/api/v1/users/" + ownId + "/credentials",
                Sigillum.object().put("keyAlgo", "EC").put("curve", "P-256"), token), 201);
        assertEquals(1, Tenants.json(Sigillum.get("/api/v1/users/" + ownId + "/credentials", token), 200).size());

        Set<String> listed = new HashSet<>();
        for (JsonNode user : Tenants.json(Sigillum.get("/api/v1/users?limit=500", token), 200)) {
            listed.add(user.get("id").asText());
            assertEquals(a, user.get("group").asText());
        }
        assertTrue(listed.contains(ownId));

        // another group's account answers exactly as an account that does not exist
        String missing = UUID.randomUUID().toString();
        for (String[] call : new String[][] {{"GET", ""}, {"GET", "/credentials"}, {"GET", "/activity"}, {"DELETE", ""},
                {"POST", "/disable"}, {"POST", "/credentials"}, {"GET", "/credentials/" + otherGroupsCredential},
                {"DELETE", "/credentials/" + otherGroupsCredential}, {"POST", "/authenticators/totp"},
                {"POST", "/credentials/" + otherGroupsCredential + "/revoke"}}) {
            ObjectNode body = "POST".equals(call[0]) ? Sigillum.object().put("keyAlgo", "EC") : null;
            Sigillum.Reply other = Sigillum.send(call[0], "/api/v1/users/" + otherGroupsUser + call[1], body, token);
            Sigillum.Reply none = Sigillum.send(call[0], "/api/v1/users/" + missing + call[1], body, token);
            ApiErrors.assertError(other, 404, "not_found");
            assertEquals(none.body(), other.body(), String.join(" ", call));
        }
        assertEquals(1, Sigillum.operatorGet("/api/v1/users/" + otherGroupsUser + "/credentials").json().size());
        assertEquals("ACTIVE", Sigillum.operatorGet("/api/v1/users/" + otherGroupsUser).json().get("status").asText());

        // disable and delete its own
        Sigillum.Reply login = Sigillum.login(create.get("username").asText(), CscClient.PASSWORD, false);
        assertEquals(200, login.status(), login.body());
        String userToken = login.json().get("access_token").asText();
        assertEquals("DISABLED", Tenants.json(Sigillum.send("POST", "/api/v1/users/" + ownId + "/disable", null, token),
                200).get("status").asText());
        ApiErrors.assertError(Sigillum.post("/csc/v2/credentials/list", "application/json", "{}", userToken), 401,
                "invalid_token");
        ApiErrors.assertError(Sigillum.login(create.get("username").asText(), CscClient.PASSWORD, false), 400,
                "invalid_grant");
        assertEquals(204, Sigillum.send("DELETE", "/api/v1/users/" + ownId + "/credentials/"
                + credential.get("credentialID").asText(), null, token).status());
        assertEquals(204, Sigillum.send("DELETE", "/api/v1/users/" + ownId, null, token).status());

        // and nothing of the operator's
        ApiErrors.assertError(Sigillum.send("POST", "/api/v1/groups", Sigillum.object().put("name", "x"), token), 401,
                "invalid_token");
        ApiErrors.assertError(Sigillum.get("/api/v1/clients", token), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.get("/api/v1/audit", token), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.get("/api/v1/usage", token), 401, "invalid_token");
    }

    @Test
    void anAuditorReadsAuditRecordsAndUsageAndChangesNothing() {
        String token = Tenants.backOfficeToken(Tenants.backOffice("auditor", "default"), "auditor");
        assertEquals(200, Sigillum.get("/api/v1/audit/verify", token).status());
        assertEquals(200, Sigillum.get("/api/v1/usage?groupBy=group&period=month", token).status());
        Sigillum.Reply records = Sigillum.get("/api/v1/audit?from=1&limit=5", token);
        assertEquals(200, records.status(), records.body());

        ApiErrors.assertError(Sigillum.send("POST", "/api/v1/users", Sigillum.object().put("username", "a"), token),
                401, "invalid_token");
        ApiErrors.assertError(Sigillum.get("/api/v1/users", token), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.send("POST", "/api/v1/groups", Sigillum.object().put("name", "a"), token), 401,
                "invalid_token");
        ApiErrors.assertError(Sigillum.get("/api/v1/clients", token), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.send("POST", "/api/v1/audit/anchors", null, token), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.post("/csc/v2/credentials/list", "application/json", "{}", token), 401,
                "invalid_token");
        ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, Tenants.backOffice("auditor", "default").basic(),
                "grant_type=client_credentials&scope=admin"), 400, "invalid_scope");
    }
}
