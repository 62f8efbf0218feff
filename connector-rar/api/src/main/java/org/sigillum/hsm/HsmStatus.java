package org.sigillum.hsm;

import java.util.List;

/**
 * What a self-test found. {@code sessionObjects} counts every session object this server holds on the token:
 * with the key cache off it is zero between signatures (checklist B3).
 */
public record HsmStatus(String tokenLabel, String manufacturer, String model, List<String> wrappingKeyLabels,
                        List<String> signatureAlgorithmOids, int sessionObjects, KeyCacheStatistics keyCache) {

    public HsmStatus {
        wrappingKeyLabels = List.copyOf(wrappingKeyLabels);
        signatureAlgorithmOids = List.copyOf(signatureAlgorithmOids);
    }
}
