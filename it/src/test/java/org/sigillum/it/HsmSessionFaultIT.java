package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checklist F3: the token disappears under the pool while signatures are in flight (its files are moved away,
 * which SoftHSM2 reports as a device failure). Requests fail cleanly with 503 in the API's format, readiness
 * goes red, and when the files come back service resumes by itself, without a server restart. The adapter
 * reloads the PKCS#11 library to see the token again; with signers in flight that must never crash the JVM.
 */
class HsmSessionFaultIT {

    private static final int LOAD_THREADS = 6;
    /** Two outages: the second one restarts a library that already restarted once under load. */
    private static final int OUTAGES = 2;

    @Test
    void f3TokenLossFailsCleanlyAndServiceResumesByItself() throws Exception {
        ManagementCli.enableHsmPoolStatistics();
        assertEquals(200, sign().status(), "baseline signature");
        Path tokenDir = Path.of(Sigillum.env("SIGILLUM_IT_TOKEN_DIR"));
        Path token;
        try (Stream<Path> entries = Files.list(tokenDir)) {
            token = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path parked = tokenDir.resolveSibling("parked-" + token.getFileName());

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
        for (int i = 0; i < LOAD_THREADS; i++) {
            load.submit(() -> {
                while (running.get()) {
                    Sigillum.Reply reply;
                    try {
                        reply = sign();
                    } catch (RuntimeException e) {
                        unexpected.add("no answer: " + e.getMessage());
                        continue;
                    }
                    statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (reply.status() == 503) {
                        if (!reply.json().path("error").asText().equals("temporarily_unavailable")
                                || reply.header("Retry-After") == null) {
                            unexpected.add(reply.body() + " Retry-After=" + reply.header("Retry-After"));
                        }
                    } else if (reply.status() != 200) {
                        unexpected.add(reply.status() + " " + reply.body());
                    }
                }
                return null;
            });
        }
        try {
            for (int outage = 0; outage < OUTAGES; outage++) {
                Thread.sleep(500);
                try {
                    Files.move(token, parked);
                    assertTrue(Sigillum.awaitReadiness(Sigillum.env("SIGILLUM_IT_URL"), 503, 15), "readiness must go red while the token is gone");
                    Thread.sleep(1000);
                } finally {
                    if (Files.exists(parked)) {
                        Files.move(parked, token);
                    }
                }
                assertTrue(Sigillum.awaitReadiness(Sigillum.env("SIGILLUM_IT_URL"), 200, 30), "readiness must recover without a restart");
            }
            Thread.sleep(1000);
        } finally {
            running.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));
        }

        assertTrue(unexpected.isEmpty(), "only 200 or a clean 503 are acceptable: " + unexpected);
        assertTrue(statuses.containsKey(503), "the outage was not observed: " + statuses);
        for (int i = 0; i < 5; i++) {
            Sigillum.Reply reply = sign();
            assertEquals(200, reply.status(), "after recovery: " + reply.body());
        }
        assertEquals(0, ManagementCli.hsmPoolStatistic("InUseCount"), "sessions leaked through the outage");
    }

    private static Sigillum.Reply sign() {
        try {
            ObjectNode request = Sigillum.object().put("keyAlgo", "EC").put("curve", "P-256")
                    .put("signAlgo", "1.2.840.10045.4.3.2");
            request.withArray("hashes").add(Base64.getEncoder().encodeToString(Signatures.sha256(Signatures.randomData())));
            return Sigillum.operatorPost("/api/v1/diagnostics/hsm/sign", request);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
