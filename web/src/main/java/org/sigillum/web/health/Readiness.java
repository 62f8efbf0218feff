package org.sigillum.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's readiness, probed at most once per {@code sigillum.health.ready-cache-millis} (checklist G3): the
 * endpoint is unauthenticated, and a balancer polling every second, or an attacker polling a thousand times a
 * second, must not turn it into HSM and database load. While one caller probes, the others get the last result.
 */
@ApplicationScoped
public class Readiness {

    /** The probes' results and when they were taken. */
    public record Snapshot(List<Probe.Result> results, Instant checkedAt) {

        boolean up() {
            return results.stream().allMatch(Probe.Result::up);
        }
    }

    @Inject
    HsmProbe hsm;
    @Inject
    DatabaseProbe database;
    @Inject
    @ConfigProperty(name = "sigillum.health.ready-cache-millis", defaultValue = "3000")
    long cacheMillis;

    private final ReentrantLock probing = new ReentrantLock();
    private volatile Snapshot last;

    public Snapshot current() {
        Snapshot snapshot = last;
        if (snapshot != null && snapshot.checkedAt().plusMillis(cacheMillis).isAfter(Instant.now())) {
            return snapshot;
        }
        if (snapshot != null && !probing.tryLock()) {
            return snapshot;
        }
        if (snapshot == null) {
            probing.lock();
        }
        try {
            Snapshot fresh = last;
            if (fresh == null || !fresh.checkedAt().plusMillis(cacheMillis).isAfter(Instant.now())) {
                fresh = new Snapshot(List.of(hsm.check(), database.check()), Instant.now());
                last = fresh;
            }
            return fresh;
        } finally {
            probing.unlock();
        }
    }
}
