package org.sigillum.validation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import org.sigillum.api.admin.TrustAnchorView;

@Entity
@Table(name = "trust_anchor")
public class TrustAnchorEntity {

    @Id
    private String id;
    @Column(nullable = false, unique = true)
    private String sha256;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private byte[] certificate;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TrustAnchorEntity() {
    }

    TrustAnchorEntity(String id, String sha256, String subject, byte[] certificate, Instant createdAt) {
        this.id = id;
        this.sha256 = sha256;
        this.subject = subject;
        this.certificate = certificate.clone();
        this.createdAt = createdAt;
    }

    byte[] certificate() {
        return certificate.clone();
    }

    String sha256() {
        return sha256;
    }

    TrustAnchorView view() {
        return new TrustAnchorView(id, subject, sha256, Base64.getEncoder().encodeToString(certificate));
    }
}
