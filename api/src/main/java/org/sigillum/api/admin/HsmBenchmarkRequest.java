package org.sigillum.api.admin;

/** An in-server HSM throughput run on a diagnostic key (never a user credential). */
public record HsmBenchmarkRequest(String keyAlgo, Integer keyLength, String curve, Integer threads, Integer seconds,
                                  Boolean keyCache) {
}
