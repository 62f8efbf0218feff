package org.sigillum.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The RESULT lines a benchmark ends with. On H2 (bin/sigillum bench NAME --h2) every name gets the suffix
 * SIGILLUM_BENCH_RESULT_SUFFIX (".h2"), so that figures from the production database and from H2 are never
 * compared under one name.
 */
final class ResultLines {

    private ResultLines() {
    }

    static void print(Map<String, Double> results) {
        String suffix = System.getenv().getOrDefault("SIGILLUM_BENCH_RESULT_SUFFIX", "");
        results.forEach((name, value) -> {
            if (!value.isNaN()) {
                System.out.printf(Locale.ROOT, "RESULT %s%s=%.3f%n", name, suffix, value);
            }
        });
    }
}
