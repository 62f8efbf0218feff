package org.sigillum.hsm;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an unwrapped key may stay in the HSM as a session object after a signature, and for how many more
 * signatures. {@link #NONE} (the default) destroys it at once.
 */
public record KeyCachePolicy(Duration timeToLive, int maxUses) {

    public static final KeyCachePolicy NONE = new KeyCachePolicy(Duration.ZERO, 0);

    public KeyCachePolicy {
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || maxUses < 0) {
            throw new IllegalArgumentException("cache policy bounds must not be negative");
        }
    }

    public boolean enabled() {
        return maxUses > 0 && !timeToLive.isZero();
    }
}
