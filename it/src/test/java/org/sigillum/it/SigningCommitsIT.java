package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, per-call cost: a signHash call commits one database transaction. The SAD's ledger claim, the
 * credential's state and the audit record commit together (they were two commits: the SAD's own transaction, then
 * the signing transaction), and the access token is not read from the database on every call. Counted by
 * PostgreSQL itself: every transaction that writes takes the next transaction ID, and reads (the token lookup, the
 * pool's connection checks) take none; over many calls, so that a background job's commit cannot decide the result.
 */
class SigningCommitsIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final int CALLS = 40;

    @Test
    void oneCommitPerSignHash() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        List<List<byte[]>> hashes = new ArrayList<>();
        List<String> sads = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            List<byte[]> one = List.of(Signatures.sha256(Signatures.randomData()));
            hashes.add(one);
            sads.add(signer.sad(id, one, CscClient.SHA256));
        }
        long before = nextTransactionId();
        for (int i = 0; i < CALLS; i++) {
            Sigillum.Reply signed = signer.signHash(id, sads.get(i), hashes.get(i), CscClient.SHA256, ECDSA_SHA256);
            assertEquals(200, signed.status(), signed.body());
        }
        long commits = nextTransactionId() - before;
        // a little room for the server's background jobs (an audit anchor, say); two commits per call do not fit
        assertTrue(commits >= CALLS && commits <= CALLS + CALLS / 4,
                commits + " writing transactions for " + CALLS + " signHash calls");
    }

    @Test
    void aRevokedAccessTokenIsRefusedAtOnceAfterItWasUsed() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        // used twice: the second call may be served from the node's token cache
        for (int i = 0; i < 2; i++) {
            assertEquals(200, signer.call("credentials/list", Sigillum.object()).status());
        }
        List<byte[]> one = List.of(Signatures.sha256(Signatures.randomData()));
        String sad = signer.sad(id, one, CscClient.SHA256);
        assertEquals(204, Sigillum.post("/csc/v2/auth/revoke", "application/json",
                Sigillum.object().put("token", signer.token).toString(), signer.token).status());
        ApiErrors.assertError(signer.signHash(id, sad, one, CscClient.SHA256, ECDSA_SHA256), 401, "invalid_token");
        ApiErrors.assertError(signer.call("credentials/list", Sigillum.object()), 401, "invalid_token");
    }

    @Test
    void aDeletedUsersAccessTokenIsRefusedAtOnceAfterItWasUsed() {
        CscClient signer = CscClient.newSigner();
        for (int i = 0; i < 2; i++) {
            assertEquals(200, signer.call("credentials/list", Sigillum.object()).status());
        }
        Sigillum.Reply deleted = Sigillum.delete("/api/v1/users/" + signer.userId);
        assertTrue(deleted.status() / 100 == 2, deleted.body());
        ApiErrors.assertError(signer.call("credentials/list", Sigillum.object()), 401, "invalid_token");
    }

    /** The ID the next writing transaction will get; reading it takes none. */
    private static long nextTransactionId() throws Exception {
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }
}
