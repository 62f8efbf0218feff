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
 * Issue 12, per-call cost: a signHash call costs the database one committed transaction. The SAD's ledger claim,
 * the credential's state and the audit record commit together, and the access token is not read from the database
 * on every call (it was three: the token read, the SAD's own transaction, the signing transaction). Counted by
 * PostgreSQL itself, over many calls, so that a background job's commit cannot decide the result.
 */
class SigningCommitsIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final int CALLS = 40;
    /** PostgreSQL publishes a backend's counters at the latest about ten seconds after it goes idle. */
    private static final long STATS_FLUSH_MILLIS = 12_000;

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
        long before = committedTransactions();
        for (int i = 0; i < CALLS; i++) {
            Sigillum.Reply signed = signer.signHash(id, sads.get(i), hashes.get(i), CscClient.SHA256, ECDSA_SHA256);
            assertEquals(200, signed.status(), signed.body());
        }
        long commits = committedTransactions() - before;
        // a little room for the server's background jobs and this test's own reads; two commits per call do not fit
        assertTrue(commits <= CALLS + CALLS / 4, commits + " committed transactions for " + CALLS + " signHash calls");
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

    private static long committedTransactions() throws Exception {
        Thread.sleep(STATS_FLUSH_MILLIS);
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet row = statement.executeQuery(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                assertTrue(row.next());
                return row.getLong(1);
            }
        }
    }
}
