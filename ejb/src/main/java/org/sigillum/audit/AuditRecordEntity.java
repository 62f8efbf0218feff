package org.sigillum.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_record")
public class AuditRecordEntity {

    @Id
    private long seq;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(nullable = false)
    private String event;
    @Column(nullable = false)
    private String outcome;
    @Column(nullable = false)
    private String actor;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "credential_id")
    private String credentialId;
    @Column(nullable = false)
    private String detail;
    @Column(name = "client_id")
    private String clientId;
    private Integer quantity;
    @Column(name = "prev_hash", nullable = false)
    private String prevHash;
    @Column(name = "record_hash", nullable = false)
    private String recordHash;

    protected AuditRecordEntity() {
    }

    AuditRecordEntity(AuditChain.Record record, String recordHash) {
        this.seq = record.seq();
        this.recordedAt = record.recordedAt();
        this.event = record.event();
        this.outcome = record.outcome();
        this.actor = record.actor();
        this.userId = record.userId();
        this.credentialId = record.credentialId();
        this.detail = record.detail();
        this.clientId = record.clientId();
        this.quantity = record.quantity();
        this.prevHash = record.prevHash();
        this.recordHash = recordHash;
    }

    AuditChain.Record content() {
        return new AuditChain.Record(seq, recordedAt, event, outcome, actor, userId, credentialId, detail, clientId,
                quantity, prevHash);
    }

    long seq() {
        return seq;
    }

    String recordHash() {
        return recordHash;
    }
}
