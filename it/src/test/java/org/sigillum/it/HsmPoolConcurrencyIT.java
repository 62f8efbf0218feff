package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * More client threads than pooled HSM sessions, every signature checked with plain JCA against the public key
 * the server returned, and the pool back to idle afterwards: no session leaks, no session shared by two callers.
 */
class HsmPoolConcurrencyIT {

    private static final int THREADS = 12;
    private static final int CALLS_PER_THREAD = 6;
    private static final List<String[]> KEYS_AND_ALGORITHMS = List.of(
            new String[] {"RSA", "1.2.840.113549.1.1.11"},
            new String[] {"RSA", "1.2.840.113549.1.1.10"},
            new String[] {"EC", "1.2.840.10045.4.3.2"});

    @Test
    void everySignatureVerifiesAndThePoolReturnsToIdle() throws Exception {
        ManagementCli.enableHsmPoolStatistics();
        long maxPool = ManagementCli.hsmPoolMaxSize();
        assertTrue(THREADS > maxPool, "the test needs more threads than sessions, pool max is " + maxPool);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(executor.submit(() -> signAndVerify(thread)));
            }
            int verified = 0;
            for (Future<Integer> result : results) {
                verified += result.get();
            }
            assertEquals(THREADS * CALLS_PER_THREAD * 3, verified);
        } finally {
            executor.shutdownNow();
        }
        assertEquals(0, ManagementCli.hsmPoolStatistic("InUseCount"), "sessions still checked out");
        assertTrue(ManagementCli.hsmPoolStatistic("ActiveCount") <= maxPool, "more sessions than the pool allows");
        assertEquals(0, ManagementCli.hsmPoolStatistic("TimedOut"));
        JsonNode status = Sigillum.operatorGet("/api/v1/diagnostics/hsm/status").json();
        assertEquals(0, status.get("sessionObjects").asInt(), "B3: unwrapped keys left on the token: " + status);
    }

    private static int signAndVerify(int thread) throws Exception {
        int verified = 0;
        for (int call = 0; call < CALLS_PER_THREAD; call++) {
            String[] keyAndAlgorithm = KEYS_AND_ALGORITHMS.get((thread + call) % KEYS_AND_ALGORITHMS.size());
            List<byte[]> data = List.of(Signatures.randomData(), Signatures.randomData(), Signatures.randomData());
            ObjectNode request = Sigillum.object().put("keyAlgo", keyAndAlgorithm[0]).put("signAlgo", keyAndAlgorithm[1]);
            if ("RSA".equals(keyAndAlgorithm[0])) {
                request.put("keyLength", 2048).put("hashAlgorithmOID", "2.16.840.1.101.3.4.2.1");
            } else {
                request.put("curve", "P-256");
            }
            for (byte[] d : data) {
                request.withArray("hashes").add(Base64.getEncoder().encodeToString(Signatures.sha256(d)));
            }
            Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/diagnostics/hsm/sign", request);
            assertEquals(200, reply.status(), reply.body());
            JsonNode json = reply.json();
            PublicKey key = Signatures.publicKey(json.get("publicKey").asText());
            assertEquals(data.size(), json.get("signatures").size());
            for (int i = 0; i < data.size(); i++) {
                assertTrue(Signatures.verify(key, keyAndAlgorithm[1], data.get(i), json.get("signatures").get(i).asText()),
                        "signature " + i + " of " + keyAndAlgorithm[1] + " does not verify");
                verified++;
            }
        }
        return verified;
    }
}
