package org.sigillum.activation.otp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A code sent for one transaction (V23): its salted hash, where it went (hashed) and until when it works. */
@Entity
@Table(name = "sig_otp_challenge")
public class OtpChallengeEntity {

    @Id
    private String id;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(name = "credential_id", nullable = false)
    private String credentialId;
    @Column(name = "client_id", nullable = false)
    private String clientId;
    @Column(nullable = false)
    private String channel;
    @Column(name = "recipient_hash", nullable = false)
    private String recipientHash;
    @Column(name = "request_binding")
    private String requestBinding;
    @Column(name = "code_salt", nullable = false)
    private String codeSalt;
    @Column(name = "code_hash", nullable = false)
    private String codeHash;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    /** Written only by OtpChallengesBean's conditional updates, never from a stale copy. */
    @Column(name = "consumed_at", insertable = false, updatable = false)
    private Instant consumedAt;

    protected OtpChallengeEntity() {
    }

    OtpChallengeEntity(String id, String userId, CodeBinding binding, String channel, String recipientHash,
                       String codeSalt, String codeHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.credentialId = binding.credentialId();
        this.clientId = binding.clientId();
        this.requestBinding = binding.requestDigest();
        this.channel = channel;
        this.recipientHash = recipientHash;
        this.codeSalt = codeSalt;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    String channel() {
        return channel;
    }

    CodeBinding binding() {
        return new CodeBinding(credentialId, clientId, requestBinding);
    }

    boolean matches(String code) {
        return OneTimeCodes.matches(codeSalt, codeHash, code);
    }
}
