package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checklist A9 (with a taste of F4): the HSM has signed, then the request's database connection dies before
 * the result is returned. No signature comes back, no SIGNED record is written, the SAD stays spent, and a
 * retry with it is refused; the server carries on on fresh connections.
 */
class SadAtMostOnceIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";

    @Test
    void a9FailureAfterSigningLeavesTheSadSpentAndNothingReturned() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        String sad = signer.sad(id, hashes, CscClient.SHA256);
        long headBefore = Sigillum.operatorGet("/api/v1/audit/verify").json().get("headSeq").asLong();

        Sigillum.Reply failed;
        try (Connection blocker = Database.connect()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // the signing transaction will sign in the HSM, then wait here for the head of an audit chain
                lock.execute("SELECT chain_id FROM audit_chain FOR UPDATE");
            }
            CompletableFuture<Sigillum.Reply> signing = CompletableFuture.supplyAsync(
                    () -> signer.signHash(id, sad, hashes, CscClient.SHA256, ECDSA_SHA256));
            assertTrue(terminateBackendWaitingForTheAuditHead(), "the signing request never reached the audit append");
            blocker.rollback();
            failed = signing.get(60, TimeUnit.SECONDS);
        }
        assertNotEquals(200, failed.status(), "a signature came back although its transaction failed: " + failed.body());
        assertFalse(failed.body().contains("signatures"), failed.body());

        ApiErrors.assertError(signer.signHash(id, sad, hashes, CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request");

        JsonNode records = Sigillum.operatorGet("/api/v1/audit?from=" + (headBefore + 1) + "&limit=100").json();
        for (JsonNode record : records) {
            assertFalse("SIGNED".equals(record.get("event").asText()) && id.equals(record.path("credentialId").asText()),
                    "a SIGNED record for a signature that was never returned: " + record);
        }
        JsonNode verification = Sigillum.operatorGet("/api/v1/audit/verify").json();
        assertTrue(verification.get("intact").asBoolean(), verification.toString());

        List<byte[]> next = List.of(Signatures.sha256(Signatures.randomData()));
        assertEquals(200, signer.signHash(id, signer.sad(id, next, CscClient.SHA256), next, CscClient.SHA256,
                ECDSA_SHA256).status(), "the server signs again on fresh connections");
    }

    /** Finds the server's connection blocked on an audit chain's head lock and kills it, as a database failure would. */
    private static boolean terminateBackendWaitingForTheAuditHead() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection admin = Database.connect();
             PreparedStatement blocked = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                     + " AND query ILIKE '%audit_chain%' AND pid <> pg_backend_pid()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = blocked.executeQuery()) {
                    if (rows.next()) {
                        try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                            kill.setInt(1, rows.getInt(1));
                            kill.execute();
                        }
                        return true;
                    }
                }
                Thread.sleep(100);
            }
        }
        return false;
    }
}
