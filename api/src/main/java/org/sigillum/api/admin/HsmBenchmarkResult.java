package org.sigillum.api.admin;

public record HsmBenchmarkResult(String key, int threads, boolean keyCache, long signatures, long failures,
                                 double seconds, double signaturesPerSecond) {
}
