package org.sigillum.api.admin;

import java.util.List;

/**
 * The EU trusted-list option as the operator sees it: whether it is on, the LOTL it starts from, the last refresh
 * (ISO-8601 time, {@code succeeded} or {@code failed}, and why it failed), how many certificates the lists make
 * trusted, and each list: the LOTL first, then the lists it points to.
 */
public record TrustedListsView(boolean enabled, String lotlUrl, String lastRefresh, String lastRefreshResult,
                               String lastRefreshError, int trustedCertificates, List<TrustedList> lists) {

    /**
     * One list: {@code kind} LOTL or TL, its territory, URL, sequence number, issue and next-update times, the ETSI
     * indication and sub-indication of its signature, whether it is well signed, how many trust services it lists,
     * whether validation uses it now, and the last download, parsing or validation error.
     */
    public record TrustedList(String kind, String country, String url, Integer sequenceNumber, String issued,
                              String nextUpdate, String indication, String subIndication, boolean wellSigned,
                              int trustServices, boolean used, String error) {
    }
}
