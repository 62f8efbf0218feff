package org.sigillum.api.audit;

public record AuditRecordView(long seq, String recordedAt, String event, String outcome, String actor, String userId,
                              String credentialId, String detail, String clientId, Integer quantity, String prevHash,
                              String recordHash) {
}
