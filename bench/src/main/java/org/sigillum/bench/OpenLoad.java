package org.sigillum.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open workload: flows start at a fixed rate whatever the server's answer times, as a population of independent
 * clients would send them (a closed loop would slow down with the server and hide its stalls). A flow that cannot
 * start on time because every thread is busy waits in the queue, and its first call's answer time counts from the
 * moment it was due, so that the client's own backlog is not mistaken for a fast server.
 */
final class OpenLoad {

    /** Flow number {@code index}, due at {@code dueNanos} on the System.nanoTime() clock. */
    interface Flow {
        void run(int index, long dueNanos);
    }

    // far more than the flows in flight at a rate the server sustains; bounded so that a stalled server cannot
    // make the client start thousands of threads
    private static final int MAX_IN_FLIGHT = 200;
    private static final Duration DRAIN = Duration.ofMinutes(4);

    private OpenLoad() {
    }

    /** Starts flows at {@code perSecond} for {@code duration}, then waits for those in flight to finish. */
    static void run(double perSecond, Duration duration, Flow flow) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(MAX_IN_FLIGHT);
        try {
            long period = Math.round(1e9 / perSecond);
            long start = System.nanoTime();
            long flows = duration.toNanos() / period;
            for (int i = 0; i < flows; i++) {
                int index = i;
                long due = start + i * period;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                threads.execute(() -> flow.run(index, due));
            }
            threads.shutdown();
            if (!threads.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("flows still running " + DRAIN + " after the last one was due");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
