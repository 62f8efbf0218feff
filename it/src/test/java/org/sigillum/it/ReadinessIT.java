package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Checklist G3: the unauthenticated readiness endpoint costs little per call. Its probes (an HSM round trip and a
 * database connection check) run at most once per cache period (sigillum.health.ready-cache-millis, 3 s by
 * default), however often it is polled; the HSM's full self-test is left to the admin diagnostics. The server this
 * was found on ran the full self-test, with a search over every session object, on each call.
 */
class ReadinessIT {

    private static final long CACHE_MILLIS = 3000;

    @Test
    void g3ReadinessProbesAtMostOncePerCachePeriod() throws Exception {
        Set<String> probes = ConcurrentHashMap.newKeySet();
        long start = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> polls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                polls.add(pool.submit(() -> {
                    for (int n = 0; n < 40; n++) {
                        probes.add(checkedAt(Sigillum.get("/health/ready", null)));
                    }
                    return null;
                }));
            }
            for (Future<?> poll : polls) {
                poll.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long periods = (System.currentTimeMillis() - start) / CACHE_MILLIS + 2;
        assertTrue(probes.size() <= periods, "320 polls in " + (System.currentTimeMillis() - start) + " ms probed "
                + probes.size() + " times; at most " + periods + " expected");
    }

    @Test
    void g3ReadinessIsReprobedAfterTheCachePeriod() throws Exception {
        String first = checkedAt(Sigillum.get("/health/ready", null));
        assertEquals(first, checkedAt(Sigillum.get("/health/ready", null)), "a second poll right away reuses the probe");
        Thread.sleep(CACHE_MILLIS + 500);
        assertNotEquals(first, checkedAt(Sigillum.get("/health/ready", null)), "an old result is not served for ever");
    }

    @Test
    void g3FullHsmSelfTestStaysInTheAdminDiagnostics() {
        Sigillum.Reply status = Sigillum.operatorGet("/api/v1/diagnostics/hsm/status");
        assertEquals(200, status.status(), status.body());
        assertTrue(status.json().has("sessionObjects"), status.body());
        ApiErrors.assertError(Sigillum.get("/api/v1/diagnostics/hsm/status", null), 401, "invalid_token");
    }

    /** When the probes behind this answer ran: the same value means the same probe. */
    private static String checkedAt(Sigillum.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        String at = reply.json().path("checks").path(0).path("data").path("checkedAt").asText(null);
        assertTrue(at != null && !at.isEmpty(), "readiness says when it probed: " + reply.body());
        return at;
    }
}
