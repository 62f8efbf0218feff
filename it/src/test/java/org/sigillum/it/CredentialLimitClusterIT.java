package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checklist B5 across nodes: signers racing on two nodes for the last signatures of a limited credential together
 * make no more than its limit, since the count is one conditional update in the shared database.
 */
@Tag("cluster")
class CredentialLimitClusterIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final int LIMIT = 5;
    private static final int PER_NODE = 6;

    @Test
    void b5SignersOnTwoNodesTogetherMakeNoMoreThanTheLimit() throws Exception {
        List<String> nodes = Cluster.nodeUrls();
        CscClient signer = CscClient.newSigner();
        String credentialId = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\",\"maxSignatures\":" + LIMIT
                + "}").get("credentialID").asText();
        int racers = PER_NODE * 2;
        List<byte[]> hashes = new ArrayList<>();
        List<String> sads = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            byte[] hash = Signatures.sha256(Signatures.randomData());
            hashes.add(hash);
            sads.add(signer.sad(credentialId, List.of(hash), CscClient.SHA256));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Sigillum.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                int n = i;
                Callable<Sigillum.Reply> sign = () -> {
                    start.await();
                    return signer.signHashAt(nodes.get(n % 2), credentialId, sads.get(n), List.of(hashes.get(n)),
                            CscClient.SHA256, ECDSA_SHA256);
                };
                replies.add(pool.submit(sign));
            }
            start.countDown();
            int signed = 0;
            for (Future<Sigillum.Reply> reply : replies) {
                Sigillum.Reply answer = reply.get();
                if (answer.status() == 200) {
                    signed++;
                } else {
                    ApiErrors.assertError(answer, 400, "invalid_request", "B5");
                }
            }
            assertEquals(LIMIT, signed);
        } finally {
            pool.shutdownNow();
        }
    }
}
