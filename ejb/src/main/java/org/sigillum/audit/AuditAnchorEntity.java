package org.sigillum.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One anchor: the heads of every chain at one moment, their MAC (imprint) and the time-stamp token over it. */
@Entity
@Table(name = "audit_anchor")
public class AuditAnchorEntity {

    @Id
    @Column(name = "anchor_id")
    private String anchorId;
    @Column(name = "anchored_at", nullable = false)
    private Instant anchoredAt;
    @Column(nullable = false)
    private String node;
    @Column(nullable = false)
    private String heads;
    @Column(nullable = false)
    private String imprint;
    @Column(nullable = false)
    private byte[] tst;

    protected AuditAnchorEntity() {
    }

    AuditAnchorEntity(String anchorId, Instant anchoredAt, String node, String heads, String imprint, byte[] tst) {
        this.anchorId = anchorId;
        this.anchoredAt = anchoredAt;
        this.node = node;
        this.heads = heads;
        this.imprint = imprint;
        this.tst = tst.clone();
    }

    String anchorId() {
        return anchorId;
    }

    Instant anchoredAt() {
        return anchoredAt;
    }

    String node() {
        return node;
    }

    String heads() {
        return heads;
    }

    String imprint() {
        return imprint;
    }

    byte[] tst() {
        return tst.clone();
    }
}
