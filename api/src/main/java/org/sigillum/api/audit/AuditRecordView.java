package org.sigillum.api.audit;

/** One audit record; prevHash and recordHash are HMAC-SHA256 values, plain SHA-256 in the sealed legacy chain. */
public record AuditRecordView(long seq, String recordedAt, String event, String outcome, String actor, String userId,
                              String credentialId, String detail, String clientId, Integer quantity, String prevHash,
                              String recordHash, String chainId, long chainSeq) {
}
