package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Usage per service provider and per group, by day and by month, as JSON and CSV, equals the operations performed
 * and the audit log's successful records, exactly; another group's usage is not mixed in (C12).
 */
class GroupUsageIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";

    @Test
    void c12UsageOfAGroupAndItsServiceProviderEqualsTheOperationsAndTheAuditLog() throws Exception {
        long before = Sigillum.operatorGet("/api/v1/audit/verify").json().get("headSeq").asLong();
        String group = Tenants.group("usage", "{}");
        String otherGroup = Tenants.group("usage-other", "{}");
        OAuthApp app = OAuthApp.register("service users", group);
        String users = Tenants.backOfficeToken(app, "users");
        String username = "usage-" + UUID.randomUUID();
        String userId = Tenants.json(Sigillum.send("POST", "/api/v1/users", Sigillum.object().put("username", username)
                .put("password", CscClient.PASSWORD).put("pin", CscClient.PIN), users), 201).get("id").asText();
        String credentialId = Tenants.json(Sigillum.send("POST", "/api/v1/users/" + userId + "/credentials",
                Sigillum.object().put("keyAlgo", "EC").put("curve", "P-256"), users), 201).get("credentialID").asText();
        String token = Tenants.serviceToken(app, username);

        // another group's activity on the same day, which must not show in this group's rows
        OAuthApp otherApp = OAuthApp.register("service", otherGroup);
        String otherUser = "usage-other-" + UUID.randomUUID();
        String otherCredential = Tenants.credential(Tenants.user(otherUser, otherGroup),
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        String otherToken = Tenants.serviceToken(otherApp, otherUser);
        String h0 = hash();
        signHash(otherToken, otherCredential, List.of(h0), Tenants.json(Tenants.authorize(otherToken, otherCredential,
                1, List.of(h0)), 200).get("SAD").asText(), 200);

        List<String> hashes = List.of(hash(), hash());
        String sad = Tenants.json(Tenants.authorize(token, credentialId, 2, hashes), 200).get("SAD").asText();
        signHash(token, credentialId, hashes, sad, 200);
        signHash(token, credentialId, hashes, sad, 400);
        byte[] pdf = TestDocuments.pdf("Usage");
        String digest = Base64.getEncoder().encodeToString(Signatures.sha256(pdf));
        ObjectNode signDoc = Sigillum.object().put("credentialID", credentialId).put("SAD",
                Tenants.json(Tenants.authorize(token, credentialId, 1, List.of(digest)), 200).get("SAD").asText());
        signDoc.withArray("documents").add(DocumentSigner.document(pdf, "P", "Certification", ECDSA_SHA256, "Ades-B-B"));
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signDoc", "application/json", signDoc.toString(), token);
        assertEquals(200, signed.status(), signed.body());

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String range = "from=" + today + "&to=" + today;
        JsonNode byClient = row(Sigillum.operatorGet("/api/v1/usage?groupBy=client&period=day&" + range).json(), group,
                app.clientId);
        assertUsage(byClient, today, 2, 3, 2, 1, 1);
        JsonNode byGroup = row(Sigillum.operatorGet("/api/v1/usage?groupBy=group&period=day&" + range).json(), group, null);
        assertUsage(byGroup, today, 2, 3, 2, 1, 1);
        JsonNode monthly = row(Sigillum.operatorGet("/api/v1/usage?groupBy=group&period=month&" + range).json(), group,
                null);
        assertUsage(monthly, today.substring(0, 7), 2, 3, 2, 1, 1);
        JsonNode other = row(Sigillum.operatorGet("/api/v1/usage?groupBy=group&period=day&" + range).json(), otherGroup,
                null);
        // its key was created by the operator's client, and counts for the operator's group
        assertUsage(other, today, 1, 1, 1, 0, 0);

        Sigillum.Reply csv = Sigillum.getAccepting("/api/v1/usage?groupBy=client&period=day&" + range,
                Sigillum.operatorToken(), "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().startsWith("period,group,client_id,authorizations,signatures,signatures_by_format,keys,"
                + "otps_sent\r\n"), csv.body());
        assertTrue(csv.body().contains(today + "," + group + "," + app.clientId + ",2,3,PAdES-B-B=1;hash=2,1,0\r\n"),
                csv.body());

        // the audit log's successful records of this service provider say the same
        long authorizations = 0;
        long signatures = 0;
        long keys = 0;
        JsonNode records = Sigillum.operatorGet("/api/v1/audit?from=" + (before + 1) + "&limit=1000").json();
        for (JsonNode record : records) {
            if (!app.clientId.equals(record.path("clientId").asText()) || !"SUCCESS".equals(record.get("outcome").asText())) {
                continue;
            }
            switch (record.get("event").asText()) {
                case "AUTHORIZED" -> authorizations++;
                case "SIGNED" -> signatures += record.get("quantity").asLong();
                case "CREDENTIAL_CREATED" -> keys++;
                default -> { }
            }
        }
        assertEquals(byClient.get("authorizations").asLong(), authorizations);
        assertEquals(byClient.get("signatures").asLong(), signatures);
        assertEquals(byClient.get("keys").asLong(), keys);

        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/usage?groupBy=user"), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/usage?groupBy=group&period=year"), 400, "invalid_request");
    }

    private static void assertUsage(JsonNode row, String period, long authorizations, long signatures, long hashSignatures,
                                    long padesSignatures, long keys) {
        assertEquals(period, row.get("period").asText(), row.toString());
        assertEquals(authorizations, row.get("authorizations").asLong(), row.toString());
        assertEquals(signatures, row.get("signatures").asLong(), row.toString());
        assertEquals(hashSignatures, row.get("signaturesByFormat").path("hash").asLong(), row.toString());
        assertEquals(padesSignatures, row.get("signaturesByFormat").path("PAdES-B-B").asLong(), row.toString());
        assertEquals(keys, row.get("keys").asLong(), row.toString());
        assertEquals(0, row.get("otpsSent").asLong(), row.toString());
    }

    /** The one row of a group (and client, unless null); fails when there is none or more than one. */
    private static JsonNode row(JsonNode rows, String group, String clientId) {
        JsonNode found = null;
        for (JsonNode row : rows) {
            if (group.equals(row.path("group").asText())
                    && (clientId == null || clientId.equals(row.path("client_id").asText()))) {
                assertTrue(found == null, "two rows for " + group + ": " + rows);
                found = row;
            }
        }
        assertTrue(found != null, "no row for " + group + " in " + rows);
        return found;
    }

    private static String hash() throws Exception {
        return Base64.getEncoder().encodeToString(Signatures.sha256(Signatures.randomData()));
    }

    private static void signHash(String token, String credentialId, List<String> hashes, String sad, int status) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("SAD", sad).put("signAlgo", ECDSA_SHA256)
                .put("hashAlgorithmOID", CscClient.SHA256);
        hashes.forEach(h -> body.withArray("hashes").add(h));
        Sigillum.Reply reply = Sigillum.post("/csc/v2/signatures/signHash", "application/json", body.toString(), token);
        assertEquals(status, reply.status(), reply.body());
    }
}
