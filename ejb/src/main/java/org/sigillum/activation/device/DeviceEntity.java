package org.sigillum.activation.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A device registered to approve a user's signatures, with its ES256 public key (V23_1). */
@Entity
@Table(name = "sig_device")
public class DeviceEntity {

    @Id
    private String id;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(nullable = false)
    private String name;
    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected DeviceEntity() {
    }

    DeviceEntity(String id, String userId, String name, String publicJwk, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.publicJwk = publicJwk;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String name() {
        return name;
    }

    String publicJwk() {
        return publicJwk;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }

    void seen(Instant at) {
        this.lastSeenAt = at;
    }
}
