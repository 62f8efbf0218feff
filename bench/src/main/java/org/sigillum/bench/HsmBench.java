package org.sigillum.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * bin/sigillum bench hsm. In one run, on one token, for RSA-2048 and EC P-256 at 1 and 2 threads:
 * (a) plain PKCS#11 signing with a resident key, (a') plain PKCS#11 unwrap-sign-destroy, both from this JVM;
 * (b) unwrap-sign-destroy through the deployed resource adapter and its pool, measured inside the server;
 * (c) the same with the unwrapped-key cache on. Prints RESULT lines; ratios are ours ÷ baseline.
 */
public final class HsmBench {

    private static final int[] THREADS = {1, 2};
    private static final int ROUNDS = 3;

    private final Duration phase;
    private final RawPkcs11Loop raw;
    private final BenchServer server;

    private HsmBench(Duration phase) throws Exception {
        this.phase = phase;
        this.raw = RawPkcs11Loop.fromEnvironment();
        this.server = new BenchServer();
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        new HsmBench(Duration.ofSeconds(seconds)).run();
    }

    private void run() throws Exception {
        Map<String, Double> results = new LinkedHashMap<>();
        for (RawPkcs11Loop.KeyType key : RawPkcs11Loop.KeyType.values()) {
            raw.residentSigning(key, 2, Duration.ofSeconds(2)); // warm-up, both sides
            serverRun(key, 2, false, 2);
            for (int threads : THREADS) {
                double[][] rounds = new double[4][ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    rounds[0][round] = raw.residentSigning(key, threads, phase);
                    rounds[1][round] = raw.unwrapSignDestroy(key, threads, phase);
                    rounds[2][round] = serverRun(key, threads, false, (int) phase.toSeconds());
                    rounds[3][round] = serverRun(key, threads, true, (int) phase.toSeconds());
                }
                double resident = median(rounds[0]);
                double unwrapping = median(rounds[1]);
                double adapter = median(rounds[2]);
                double cached = median(rounds[3]);
                String prefix = "hsm." + key.id() + (threads == 2 ? "" : ".t" + threads);
                results.put(prefix + ".raw.resident.per_second", resident);
                results.put(prefix + ".raw.unwrap.per_second", unwrapping);
                results.put(prefix + ".adapter.per_second", adapter);
                results.put(prefix + ".cached.per_second", cached);
                results.put(prefix + ".adapter.ratio", adapter / unwrapping);
                results.put(prefix + ".cached.ratio", cached / resident);
                results.put(prefix + ".uncached.ratio", adapter / resident);
                System.out.printf(Locale.ROOT, "# %s threads=%d medians of %d rounds: resident=%.0f/s unwrap=%.0f/s"
                        + " adapter=%.0f/s cached=%.0f/s%n", key.id(), threads, ROUNDS, resident, unwrapping, adapter, cached);
            }
        }
        results.forEach((name, value) -> System.out.printf(Locale.ROOT, "RESULT %s=%.3f%n", name, value));
    }

    /** Rounds alternate baseline and server, so that a disturbance hits both; the median drops outliers. */
    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private double serverRun(RawPkcs11Loop.KeyType key, int threads, boolean cache, int seconds) throws Exception {
        return server.adapterRate(key, threads, seconds, cache);
    }

}
