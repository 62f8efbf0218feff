package org.sigillum.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Bounds how many passwords and PINs are verified at once (checklist G2). Each verification is an Argon2id
 * computation that takes a core and 19 MiB for tens of milliseconds; unbounded, a flood of failing logins would
 * take every core and starve callers who need no hashing at all. A caller waits for a slot a short while and
 * otherwise gets 503 {@code temporarily_unavailable}, which costs it no attempt. A waiting caller holds an HTTP
 * worker thread, so only a few may wait at once ({@code sigillum.auth.verification-waiters}); the others get the 503
 * at once, and a flood from more callers than the server has workers leaves workers for everyone else.
 */
@ApplicationScoped
public class VerificationSlots {

    /** Work that verifies one factor. */
    @FunctionalInterface
    public interface Verification {
        boolean verify() throws ServiceException;
    }

    @Inject
    @ConfigProperty(name = "sigillum.auth.verification-slots", defaultValue = "0")
    int configuredSlots;
    @Inject
    @ConfigProperty(name = "sigillum.auth.verification-wait-millis", defaultValue = "2000")
    long waitMillis;

    /** Below the HTTP worker threads (task-max-threads, 32 by default), so that waiters never take them all. */
    @Inject
    @ConfigProperty(name = "sigillum.auth.verification-waiters", defaultValue = "24")
    int maxWaiters;

    private Semaphore slots;
    private final AtomicInteger waiters = new AtomicInteger();

    @PostConstruct
    void init() {
        // one core is left for everything else; 0 means "derive from the machine"
        int slotCount = configuredSlots > 0 ? configuredSlots : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        slots = new Semaphore(slotCount, true);
    }

    public boolean verify(Verification verification) throws ServiceException {
        if (!slots.tryAcquire()) {
            if (waiters.incrementAndGet() > maxWaiters) {
                waiters.decrementAndGet();
                throw busy();
            }
            try {
                if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    throw busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "interrupted while waiting to authenticate");
            } finally {
                waiters.decrementAndGet();
            }
        }
        try {
            return verification.verify();
        } finally {
            slots.release();
        }
    }

    private static ServiceException busy() {
        return new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "too many authentications at once; retry later");
    }
}
