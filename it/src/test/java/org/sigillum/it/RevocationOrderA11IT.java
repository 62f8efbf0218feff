package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Checklist A11 under concurrency: a revocation that commits while the HSM is already signing must not be ordered
 * before that signature. Once the revocation is recorded and answered, no signature of the credential is made, and
 * every signature that was made has its audit record before the revocation's.
 */
class RevocationOrderA11IT {

    /** A slow key: the HSM's signature takes long enough for a revocation to land in the middle of one. */
    private static final String RSA_4096 = "{\"keyAlgo\":\"RSA\",\"keyLength\":4096}";
    private static final String RSA_SHA256 = "1.2.840.113549.1.1.11";
    private static final int SIGNERS = 4;
    private static final int SADS = 48;
    private static final int ROUNDS = 3;

    /** One signHash as the test saw it: when it was sent and answered (System.nanoTime) and its status. */
    private record Call(long sent, long answered, int status, String body) {
    }

    @Test
    void a11RevocationIsOrderedAfterEveryInFlightSignature() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            signWhileRevoking();
        }
    }

    private void signWhileRevoking() throws Exception {
        CscClient signer = CscClient.newSigner();
        String credential = signer.newCredential(RSA_4096).get("credentialID").asText();
        ConcurrentLinkedQueue<String[]> sads = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < SADS; i++) {
            byte[] hash = Signatures.sha256(Signatures.randomData());
            sads.add(new String[] {signer.sad(credential, List.of(hash), CscClient.SHA256),
                    Base64.getEncoder().encodeToString(hash)});
        }
        long auditBefore = AuditLog.head();
        AtomicInteger signed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SIGNERS);
        List<Future<List<Call>>> streams = new ArrayList<>();
        long revoked;
        try {
            for (int i = 0; i < SIGNERS; i++) {
                streams.add(pool.submit(() -> {
                    List<Call> calls = new ArrayList<>();
                    String[] sad;
                    while ((sad = sads.poll()) != null) {
                        long sent = System.nanoTime();
                        Sigillum.Reply reply = signer.signHash(credential, sad[0], List.of(Base64.getDecoder().decode(sad[1])),
                                CscClient.SHA256, RSA_SHA256);
                        calls.add(new Call(sent, System.nanoTime(), reply.status(), reply.body()));
                        if (reply.status() == 200) {
                            signed.incrementAndGet();
                        }
                    }
                    return calls;
                }));
            }
            // a revocation in the middle of the stream, with signatures in flight on every thread
            while (signed.get() < SADS / 4) {
                Thread.sleep(5);
            }
            Sigillum.Reply revocation = Sigillum.operatorPost("/api/v1/users/" + signer.userId + "/credentials/"
                    + credential + "/revoke", "{\"reason\":\"keyCompromise\"}");
            revoked = System.nanoTime();
            assertEquals(200, revocation.status(), revocation.body());
        } finally {
            pool.shutdown();
            pool.awaitTermination(300, TimeUnit.SECONDS);
        }
        List<Call> calls = new ArrayList<>();
        for (Future<List<Call>> stream : streams) {
            calls.addAll(stream.get());
        }
        int successes = 0;
        for (Call call : calls) {
            if (call.status() == 200) {
                successes++;
                assertTrue(call.answered() < revoked, "a signature was answered "
                        + TimeUnit.NANOSECONDS.toMillis(call.answered() - revoked) + " ms after the revocation returned");
            } else {
                assertEquals(400, call.status(), call.body());
                assertTrue(call.body().contains("A11"), "refused as revoked: " + call.body());
            }
            if (call.sent() > revoked) {
                assertEquals(400, call.status(), "a signHash sent after the revocation: " + call.body());
            }
        }
        assertTrue(successes >= SADS / 4 && successes < SADS, "signed before the revocation: " + successes);

        long revocationSeq = -1;
        List<Long> signatureSeqs = new ArrayList<>();
        for (JsonNode record : AuditLog.recordsAfter(auditBefore)) {
            if (!credential.equals(record.path("credentialId").asText())) {
                continue;
            }
            String event = record.get("event").asText();
            if ("CREDENTIAL_REVOKED".equals(event)) {
                revocationSeq = record.get("seq").asLong();
            } else if ("SIGNED".equals(event)) {
                signatureSeqs.add(record.get("seq").asLong());
            }
        }
        assertTrue(revocationSeq > 0, "the revocation is audited");
        assertEquals(successes, signatureSeqs.size(), "one SIGNED record per signature returned");
        for (long seq : signatureSeqs) {
            assertTrue(seq < revocationSeq, "signature record " + seq + " comes after the revocation's record "
                    + revocationSeq);
        }
    }
}
