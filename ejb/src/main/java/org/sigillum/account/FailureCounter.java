package org.sigillum.account;

import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed attempts of one authentication factor and locks it for a while once too many failed in a row
 * (checklist C8). A success resets it. The same rule serves passwords and PINs.
 */
@Embeddable
public class FailureCounter {

    private int failures;
    private Instant lockedUntil;

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public void failed(Instant now, int maxFailures, Duration lockout) {
        failures++;
        if (failures >= maxFailures) {
            lockedUntil = now.plus(lockout);
            failures = 0;
        }
    }

    public void succeeded() {
        failures = 0;
        lockedUntil = null;
    }
}
