package org.sigillum.api.admin;

import java.util.List;

public record HsmStatusView(String tokenLabel, String manufacturer, String model, List<String> signAlgorithms,
                            int sessionObjects, KeyCacheView keyCache) {

    public record KeyCacheView(int size, int capacity, long hits, long misses, long evictions, long expirations,
                               long staleHandles) {
    }
}
