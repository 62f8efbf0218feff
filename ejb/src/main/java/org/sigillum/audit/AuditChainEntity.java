package org.sigillum.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The head of one audit chain: its last place and MAC. Only one node appends to a chain (its name is the node's),
 * and only one transaction at a time (a lease), so the row lock an append takes is never waited for.
 */
@Entity
@Table(name = "audit_chain")
public class AuditChainEntity {

    static final String LEGACY = "legacy";

    @Id
    @Column(name = "chain_id")
    private String chainId;
    @Column(name = "last_seq", nullable = false)
    private long lastSeq;
    @Column(name = "last_mac", nullable = false)
    private String lastMac;
    @Column(name = "sealed_at")
    private Instant sealedAt;
    @Column(name = "seal_mac")
    private String sealMac;

    protected AuditChainEntity() {
    }

    AuditChainEntity(String chainId) {
        this.chainId = chainId;
        this.lastMac = KeyedChain.GENESIS;
    }

    static AuditChainEntity sealedLegacy(long lastSeq, String lastHash, Instant sealedAt, String sealMac) {
        AuditChainEntity legacy = new AuditChainEntity(LEGACY);
        legacy.lastSeq = lastSeq;
        legacy.lastMac = lastHash;
        legacy.sealedAt = sealedAt;
        legacy.sealMac = sealMac;
        return legacy;
    }

    String chainId() {
        return chainId;
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastMac() {
        return lastMac;
    }

    Instant sealedAt() {
        return sealedAt;
    }

    String sealMac() {
        return sealMac;
    }

    void advance(long seq, String mac) {
        this.lastSeq = seq;
        this.lastMac = mac;
    }
}
