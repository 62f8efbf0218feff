package org.sigillum.hsm;

/** Figures of the unwrapped-key cache since the adapter started. */
public record KeyCacheStatistics(int size, int capacity, long hits, long misses, long evictions, long expirations,
                                 long staleHandles) {
}
