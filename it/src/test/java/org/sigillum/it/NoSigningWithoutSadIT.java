package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checklist A10: no path reaches unwrap-and-sign with a user's key except signHash and signDoc under a SAD. The HTTP
 * surface is checked against the list of operations allowed to sign, and the one operator operation that
 * signs (the HSM diagnostic) is shown to ignore a credential it is handed and to use a throw-away key.
 */
class NoSigningWithoutSadIT {

    /** Every operation whose path speaks of signing, with the reason it may exist. */
    private static final Set<String> SIGNING_OPERATIONS = Set.of(
            "/csc/v2/signatures/signHash",           // consumes a SAD in the SAM
            "/csc/v2/signatures/signDoc",            // consumes a SAD in the SAM, which checks the documents' digests
            "/csc/v2/signatures/signPolling",        // returns what an asynchronous signHash or signDoc signed under its SAD
            "/csc/v2/signatures/timestamp",          // the TSA's key, never a user's (like /tsa)
            "/csc/v1/signatures/signHash",           // the v1 mapping onto v2 signHash: the same SAM path
            "/csc/v1/signatures/timestamp",          // the v1 mapping onto v2 timestamp: the TSA's key
            "/api/v1/signatures/validate",           // verifies only
            "/api/v1/signatures/extend",             // adds time-stamps and validation data: the TSA's key only
            "/api/v1/diagnostics/hsm/sign",          // throw-away diagnostic keys only (tested below)
            "/api/v1/diagnostics/hsm/benchmark");    // throw-away diagnostic keys only

    @Test
    void a10OnlyKnownOperationsSign() {
        JsonNode paths = Sigillum.get("/openapi?format=JSON", null).json().get("paths");
        List<String> signing = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.toLowerCase().contains("sign") || path.contains("benchmark")) {
                signing.add(path);
            }
        });
        for (String path : signing) {
            assertEquals(true, SIGNING_OPERATIONS.contains(path), "an operation that may sign appeared: " + path);
        }
    }

    @Test
    void a10TheDiagnosticIgnoresAUsersCredentialAndSignsWithAThrowAwayKey() throws Exception {
        CscClient signer = CscClient.newSigner();
        JsonNode credential = signer.newCredential("{\"keyAlgo\":\"EC\"}");
        byte[] data = Signatures.randomData();
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/diagnostics/hsm/sign", Sigillum.object()
                .put("keyAlgo", "EC").put("curve", "P-256").put("signAlgo", "1.2.840.10045.4.3.2")
                .put("credentialID", credential.get("credentialID").asText()).put("userID", signer.userId)
                .set("hashes", Sigillum.JSON.valueToTree(List.of(Base64.getEncoder().encodeToString(Signatures.sha256(data))))));
        assertEquals(200, reply.status(), reply.body());
        assertNotEquals(credential.get("publicKey").asText(), reply.json().get("publicKey").asText());
        assertFalse(Signatures.verify(Signatures.publicKey(credential.get("publicKey").asText()), "1.2.840.10045.4.3.2", data,
                reply.json().get("signatures").get(0).asText()), "the diagnostic signed with the user's key");
    }
}
