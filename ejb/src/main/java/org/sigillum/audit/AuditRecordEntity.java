package org.sigillum.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audit record; prev_hash and record_hash hold MACs on keyed chains, SHA-256 on the legacy chain. */
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
    @Column(name = "chain_id")
    private String chainId;
    @Column(name = "chain_seq")
    private Long chainSeq;

    protected AuditRecordEntity() {
    }

    AuditRecordEntity(KeyedChain.Record record, String mac) {
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
        this.prevHash = record.prevMac();
        this.recordHash = mac;
        this.chainId = record.chainId();
        this.chainSeq = record.chainSeq();
    }

    /** The content of a record of the sealed legacy chain, hashed without a key. */
    AuditChain.Record content() {
        return new AuditChain.Record(seq, recordedAt, event, outcome, actor, userId, credentialId, detail, clientId,
                quantity, prevHash);
    }

    /** The content of a record of a keyed chain; a missing chain place reads as 0, which no chain has. */
    KeyedChain.Record keyedContent() {
        return new KeyedChain.Record(chainId, chainSeq == null ? 0 : chainSeq, seq, recordedAt, event, outcome, actor,
                userId, credentialId, detail, clientId, quantity, prevHash);
    }

    String chainId() {
        return chainId;
    }

    long chainSeq() {
        return chainSeq == null ? 0 : chainSeq;
    }

    long seq() {
        return seq;
    }

    String recordHash() {
        return recordHash;
    }
}
