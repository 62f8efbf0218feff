package org.sigillum.api.audit;

/** An anchor just made: the heads of every chain, MAC'd under the HSM's audit key and time-stamped (RFC 3161). */
public record AuditAnchorView(String anchorId, String anchoredAt, int chains, String imprint) {
}
