package org.sigillum.hsm;

import java.util.List;

/**
 * What a self-test found. {@code sessionObjects} counts every session object this server holds on the token:
 * with the key cache off it is zero between signatures (checklist B3).
 */
public record HsmStatus(String tokenLabel, String manufacturer, String model, List<String> tokenKeyLabels,
                        List<String> signatureAlgorithmOids, int sessionObjects, KeyCacheStatistics keyCache) {

    public HsmStatus {
        tokenKeyLabels = List.copyOf(tokenKeyLabels);
        signatureAlgorithmOids = List.copyOf(signatureAlgorithmOids);
    }
}
