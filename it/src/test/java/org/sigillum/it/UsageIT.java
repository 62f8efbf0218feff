package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-client usage by day is what the audit log holds: each client application sees its own authorizations
 * and signatures counted, refusals are not, and audit records name the client and the number of signatures.
 */
class UsageIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";

    @Test
    void signaturesAndAuthorizationsAreCountedPerClientAndDay() throws Exception {
        OAuthFlowIT.Signer signer = OAuthFlowIT.Signer.create();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()), Signatures.sha256(Signatures.randomData()));
        String token = signer.credentialTokens(Map.of("scope", "credential", "credentialID", credentialId,
                "numSignatures", "2", "hashAlgorithmOID", CscClient.SHA256,
                "hashes", OAuthFlowIT.base64url(hashes.get(0)) + "," + OAuthFlowIT.base64url(hashes.get(1))))
                .get("access_token").asText();
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                OAuthFlowIT.signRequest(credentialId, hashes, ECDSA_SHA256, null).toString(), token);
        assertEquals(200, signed.status(), signed.body());
        Sigillum.Reply refused = Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                OAuthFlowIT.signRequest(credentialId, hashes, ECDSA_SHA256, null).toString(), token);
        assertEquals(400, refused.status());

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode usage = Sigillum.operatorGet("/api/v1/usage?from=" + today + "&to=" + today + "&client_id="
                + signer.app().clientId).json();
        assertEquals(1, usage.size(), usage.toString());
        JsonNode day = usage.get(0);
        assertEquals(today, day.get("day").asText());
        assertEquals(signer.app().clientId, day.get("client_id").asText());
        assertEquals(1, day.get("authorizations").asLong());
        assertEquals(2, day.get("signatures").asLong());
        assertEquals(0, day.get("keys").asLong());

        JsonNode all = Sigillum.operatorGet("/api/v1/usage").json();
        String operatorClient = Sigillum.env("SIGILLUM_IT_BOOTSTRAP_CLIENT_ID");
        boolean operatorKeys = false;
        for (JsonNode row : all) {
            operatorKeys |= row.get("client_id").asText().equals(operatorClient) && row.get("keys").asLong() >= 1;
        }
        assertTrue(operatorKeys, "keys are counted for the operator client that created them: " + all);

        JsonNode signedRecord = lastRecord("SIGNED");
        assertEquals(signer.app().clientId, signedRecord.get("clientId").asText());
        assertEquals(2, signedRecord.get("quantity").asInt());
        assertEquals(signer.userId(), signedRecord.get("actor").asText());
    }

    @Test
    void badRangesAreRefused() {
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/usage?from=yesterday"), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/usage?from=2026-02-01&to=2026-01-01"), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/usage?from=2020-01-01&to=2026-01-01"), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.get("/api/v1/usage", null), 401, "invalid_token");
    }

    private static JsonNode lastRecord(String event) {
        JsonNode verification = Sigillum.operatorGet("/api/v1/audit/verify").json();
        long head = verification.get("headSeq").asLong();
        JsonNode records = Sigillum.operatorGet("/api/v1/audit?from=" + Math.max(1, head - 50) + "&limit=60").json();
        JsonNode found = null;
        for (JsonNode record : records) {
            if (event.equals(record.get("event").asText())) {
                found = record;
            }
        }
        return found;
    }
}
