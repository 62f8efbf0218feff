package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The provider registry and account links through the admin API (issue 10). */
class IdentityProvidersIT {

    private static String alias() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void e1ProviderSecretIsSealedNeverReturnedNorAudited() throws Exception {
        String alias = alias();
        String secret = "s3cret-" + UUID.randomUUID();
        long before = AuditLog.head();
        JsonNode created = Federation.register(Federation.oidcProvider(alias, "https://idp.example/realms/x", "sigillum",
                secret, Map.of("gold", "high", "silver", "substantial")));

        assertEquals(alias, created.get("alias").asText());
        assertTrue(created.get("secretStored").asBoolean());
        assertEquals("high", created.get("levelMapping").get("gold").asText());
        for (String body : List.of(created.toString(), Sigillum.operatorGet(Federation.PROVIDERS).body(),
                Sigillum.operatorGet(Federation.PROVIDERS + "/" + alias).body())) {
            assertFalse(body.contains(secret), body);
        }
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT sealed_secret FROM identity_provider WHERE alias = ?")) {
            select.setString(1, alias);
            ResultSet rs = select.executeQuery();
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("v1:"), rs.getString(1));
            assertFalse(rs.getString(1).contains(secret));
        }
        List<JsonNode> records = Federation.records(before, "IDENTITY_PROVIDER_CREATED");
        assertEquals(1, records.size());
        assertTrue(records.get(0).get("detail").asText().contains(alias));
        AuditLog.recordsAfter(before).forEach(r -> assertFalse(r.toString().contains(secret), r.toString()));
        AuditLog.assertIntact();
    }

    @Test
    void providerIsUpdatedAndDeletedAndBadInputIsRefusedInTheApiFormat() {
        String alias = alias();
        ObjectNode provider = Federation.oidcProvider(alias, "https://idp.example", "c", null, Map.of("1", "low"));
        Federation.register(provider);
        assertEquals(409, Sigillum.operatorPost(Federation.PROVIDERS, provider).status());

        provider.put("displayName", "Renamed").put("enabled", false);
        Sigillum.Reply updated = Federation.put(Federation.PROVIDERS + "/" + alias, provider);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Renamed", updated.json().get("displayName").asText());
        assertFalse(updated.json().get("enabled").asBoolean());
        assertFalse(updated.json().get("secretStored").asBoolean());

        Sigillum.Reply plainHttp = Sigillum.operatorPost(Federation.PROVIDERS,
                Federation.oidcProvider(alias(), "http://idp.example", "c", null, Map.of("1", "low")));
        assertEquals(400, plainHttp.status());
        assertEquals("invalid_request", plainHttp.json().get("error").asText());
        assertTrue(plainHttp.json().get("error_description").asText().contains("https"), plainHttp.body());
        Sigillum.Reply badLevel = Sigillum.operatorPost(Federation.PROVIDERS,
                Federation.oidcProvider(alias(), "https://idp.example", "c", null, Map.of("1", "very high")));
        assertEquals(400, badLevel.status());
        Sigillum.Reply badKind = Sigillum.operatorPost(Federation.PROVIDERS,
                Federation.oidcProvider(alias(), "https://idp.example", "c", null, Map.of("1", "low")).put("kind", "LDAP"));
        assertEquals(400, badKind.status());

        assertEquals(204, Sigillum.delete(Federation.PROVIDERS + "/" + alias).status());
        assertEquals(404, Sigillum.operatorGet(Federation.PROVIDERS + "/" + alias).status());
    }

    @Test
    void adminScopeGuardsRegistryAndPolicy() {
        assertEquals(401, Sigillum.get(Federation.PROVIDERS, null).status());
        String user = Sigillum.createUser("fed-" + UUID.randomUUID(), "a-long-password-1", null);
        String userToken = Sigillum.login(Sigillum.operatorGet("/api/v1/users/" + user).json().get("username").asText(),
                "a-long-password-1", false).json().get("access_token").asText();
        // a signer's token is no operator token: refused like none
        assertEquals(401, Sigillum.get(Federation.PROVIDERS, userToken).status());
        assertEquals(401, Sigillum.get("/api/v1/level-policy", userToken).status());
        assertEquals(401, Sigillum.get("/api/v1/users/" + user + "/identities", userToken).status());
    }

    @Test
    void identityLinksAreUniqueListedAndRemoved() {
        String alias = alias();
        Federation.register(Federation.oidcProvider(alias, "https://idp.example", "c", null, Map.of("1", "low")));
        String ana = Sigillum.createUser();
        String eve = Sigillum.createUser();
        long before = AuditLog.head();
        String link = Federation.link(ana, alias, "subject-ana");

        Sigillum.Reply taken = Sigillum.operatorPost("/api/v1/users/" + eve + "/identities",
                Sigillum.object().put("provider", alias).put("subject", "subject-ana"));
        assertEquals(409, taken.status(), taken.body());
        assertEquals(400, Sigillum.operatorPost("/api/v1/users/" + eve + "/identities",
                Sigillum.object().put("provider", "no-such-idp").put("subject", "x")).status());
        JsonNode links = Sigillum.operatorGet("/api/v1/users/" + ana + "/identities").json();
        assertEquals(1, links.size());
        assertEquals("subject-ana", links.get(0).get("subject").asText());
        assertEquals(alias, links.get(0).get("provider").asText());
        assertEquals(404, Sigillum.delete("/api/v1/users/" + eve + "/identities/" + link).status());
        assertEquals(204, Sigillum.delete("/api/v1/users/" + ana + "/identities/" + link).status());
        assertEquals(0, Sigillum.operatorGet("/api/v1/users/" + ana + "/identities").json().size());

        assertEquals(List.of("IDENTITY_LINKED", "IDENTITY_LINK_REFUSED", "IDENTITY_LINK_REFUSED", "IDENTITY_UNLINKED"),
                AuditLog.recordsAfter(before).stream().map(r -> r.get("event").asText())
                        .filter(e -> e.startsWith("IDENTITY_")).toList());
    }

    @Test
    void levelPolicyIsReadWrittenAndChecked() {
        JsonNode before = Federation.policy("substantial", "high", "refuse");
        try {
            JsonNode now = Sigillum.operatorGet("/api/v1/level-policy").json();
            assertEquals("substantial", now.get("scal1").asText());
            assertEquals("high", now.get("scal2").asText());
            assertEquals("refuse", now.get("stepUp").asText());
            assertEquals(400, Federation.put("/api/v1/level-policy", Sigillum.object().put("scal1", "medium")
                    .put("scal2", "high").put("keyCreation", "low").put("stepUp", "refuse")).status());
        } finally {
            Federation.restore(before);
        }
    }
}
