package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Checklist C8 and G5 under concurrency: however many guesses arrive at once, no more than the limit (5) are ever
 * tested before the factor locks; and a request that presents no factor is malformed and costs no attempt.
 */
class AuthenticationAttemptsIT {

    private static final int LIMIT = 5;
    private static final String EC_P256 = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    /**
     * Eight wrong PINs and the right one at the same moment (the attack of issue 11): no wrong PIN is accepted, and
     * the right one is either accepted or refused with the same answer as a wrong one (C8). Whether it was among the
     * attempts within the limit is watched in the database by {@link #c8PinGuessesInFlightBeyondTheLimitAreNotTested}.
     * A success forgives the failures counted before it; wrong guesses still in flight when it committed, or arriving
     * after it, count afresh, so signing may well be locked after the burst.
     */
    @Test
    void c8ParallelPinBurstAcceptsNoWrongPinAndAnswersAlike() throws Exception {
        for (int round = 0; round < 3; round++) {
            CscClient signer = CscClient.newSigner();
            String credential = signer.newCredential(EC_P256).get("credentialID").asText();
            List<Supplier<Sigillum.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String guess = String.format("%06d", 100000 + i);
                calls.add(() -> signer.call("credentials/authorize", authorize(credential, guess)));
            }
            calls.add(() -> signer.call("credentials/authorize", authorize(credential, CscClient.PIN)));
            List<Sigillum.Reply> replies = atOnce(calls);
            Sigillum.Reply right = replies.get(8);
            for (Sigillum.Reply wrong : replies.subList(0, 8)) {
                assertRefusedOrDeferred(wrong, "invalid_authentication_data");
            }
            if (right.status() != 200) {
                assertRefusedOrDeferred(right, "invalid_authentication_data");
            }
        }
    }

    /**
     * While the limit's worth of guesses is in flight, one more guess is not tested at all: even the right PIN is
     * refused, with the same answer as a wrong one. The in-flight reservations are watched in the database. A guess
     * the busy server deferred (503) gave its attempt back, so the right PIN may pass only in a round with one.
     */
    @Test
    void c8PinGuessesInFlightBeyondTheLimitAreNotTested() throws Exception {
        for (int round = 0; round < 3; round++) {
            CscClient signer = CscClient.newSigner();
            String credential = signer.newCredential(EC_P256).get("credentialID").asText();
            ExecutorService pool = Executors.newFixedThreadPool(LIMIT + 1);
            try {
                List<Future<Sigillum.Reply>> burst = new ArrayList<>();
                for (int i = 0; i < LIMIT + 1; i++) {
                    String guess = String.format("%06d", 200000 + i);
                    burst.add(pool.submit(() -> signer.call("credentials/authorize", authorize(credential, guess))));
                }
                assertTrue(awaitAttemptsUsed(signer.userId, "failed_pins", "pin_reserved", "pin_locked_until"),
                        "the burst never used up the attempts");
                Sigillum.Reply right = signer.call("credentials/authorize", authorize(credential, CscClient.PIN));
                boolean deferred = false;
                for (Future<Sigillum.Reply> wrong : burst) {
                    assertRefusedOrDeferred(wrong.get(), "invalid_authentication_data");
                    deferred |= wrong.get().status() == 503;
                }
                if (!deferred) {
                    assertRefusedOrDeferred(right, "invalid_authentication_data");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The same for passwords at auth/login: eight wrong ones and the right one at once. */
    @Test
    void c8ParallelPasswordBurstAcceptsNoWrongPasswordAndAnswersAlike() throws Exception {
        for (int round = 0; round < 2; round++) {
            String name = "burst-" + UUID.randomUUID();
            Sigillum.createUser(name, CscClient.PASSWORD, CscClient.PIN);
            List<Supplier<Sigillum.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String guess = "wrong password " + i;
                calls.add(() -> Sigillum.loginOnce(name, guess, false));
            }
            calls.add(() -> Sigillum.loginOnce(name, CscClient.PASSWORD, false));
            List<Sigillum.Reply> replies = atOnce(calls);
            for (Sigillum.Reply wrong : replies.subList(0, 8)) {
                assertRefusedOrDeferred(wrong, "invalid_grant");
            }
            // as with PINs: a success forgives only what was counted before it (see the PIN burst above)
            if (replies.get(8).status() != 200) {
                assertRefusedOrDeferred(replies.get(8), "invalid_grant");
            }
        }
    }

    /**
     * G5 / issue 16: a CSC v1-shaped body (a top-level {@code PIN}, no {@code authData}) sent to the v2 path carries
     * no authentication data: invalid_request, and it costs no attempt, however often it is sent.
     */
    @Test
    void g5c8V1ShapedBodyWithoutAuthDataCostsNoAttempt() {
        CscClient signer = CscClient.newSigner();
        String credential = signer.newCredential(EC_P256).get("credentialID").asText();
        for (int i = 0; i < LIMIT + 2; i++) {
            ObjectNode v1 = Sigillum.object().put("credentialID", credential).put("numSignatures", 1)
                    .put("hashAlgorithmOID", CscClient.SHA256).put("PIN", CscClient.PIN);
            v1.withArray("hashes").add(hash(i));
            ApiErrors.assertError(signer.call("credentials/authorize", v1), 400, "invalid_request");
            ObjectNode empty = authorize(credential, null);
            empty.withArray("authData").addObject().put("id", "PIN").put("value", "");
            ApiErrors.assertError(signer.call("credentials/authorize", empty), 400, "invalid_request");
        }
        Sigillum.Reply right = signer.call("credentials/authorize", authorize(credential, CscClient.PIN));
        assertEquals(200, right.status(), "malformed requests must not have locked signing: " + right.body());
    }

    /** A malformed request is refused before any factor is checked: a wrong PIN with it costs nothing either. */
    @Test
    void g5MalformedRequestWithAWrongPinCostsNoAttempt() {
        CscClient signer = CscClient.newSigner();
        String credential = signer.newCredential(EC_P256).get("credentialID").asText();
        for (int i = 0; i < LIMIT + 2; i++) {
            ObjectNode malformed = authorize(credential, "999999");
            malformed.putArray("hashes").add(java.util.Base64.getEncoder().encodeToString(new byte[31]));
            ApiErrors.assertError(signer.call("credentials/authorize", malformed), 403, "invalid_hash");
        }
        assertEquals(200, signer.call("credentials/authorize", authorize(credential, CscClient.PIN)).status());
    }

    /**
     * A refusal, or 503 when the server's verification slots stayed busy for its whole wait: a guess deferred that
     * way was not tested and cost no attempt (G2).
     */
    static void assertRefusedOrDeferred(Sigillum.Reply reply, String refusal) {
        if (reply.status() == 503) {
            ApiErrors.assertError(reply, 503, "temporarily_unavailable");
        } else {
            ApiErrors.assertError(reply, 400, refusal);
        }
    }

    static ObjectNode authorize(String credential, String pin) {
        ObjectNode body = Sigillum.object().put("credentialID", credential).put("numSignatures", 1)
                .put("hashAlgorithmOID", CscClient.SHA256);
        body.withArray("hashes").add(hash(0));
        if (pin != null) {
            body.withArray("authData").addObject().put("id", "PIN").put("value", pin);
        }
        return body;
    }

    private static String hash(int i) {
        byte[] digest = new byte[32];
        digest[0] = (byte) i;
        return java.util.Base64.getEncoder().encodeToString(digest);
    }

    /** Runs every call on its own thread, released together. */
    static List<Sigillum.Reply> atOnce(List<Supplier<Sigillum.Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Sigillum.Reply>> futures = new ArrayList<>();
            for (Supplier<Sigillum.Reply> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            List<Sigillum.Reply> replies = new ArrayList<>();
            for (Future<Sigillum.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until failures and attempts in flight together reach the limit, or the factor is locked. */
    private static boolean awaitAttemptsUsed(String userId, String failures, String reserved, String lockedUntil)
            throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement("SELECT " + failures
                + " + " + reserved + ", " + lockedUntil + " FROM sig_user WHERE id = ?")) {
            query.setString(1, userId);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && (row.getInt(1) >= LIMIT || row.getTimestamp(2) != null)) {
                        return true;
                    }
                }
                Thread.sleep(5);
            }
        }
        return false;
    }
}
