package org.sigillum.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.WrappedKey;

/** A signing credential's row: public key, and the private key only as the HSM wrapped and bound it. */
@Entity
@Table(name = "credential")
public class CredentialEntity {

    @Id
    private String id;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    @Embedded
    private StoredKey key;
    @Column(nullable = false)
    private String status;
    private static final String SUSPENDED = "SUSPENDED";
    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private String scal;
    private byte[] certificate;
    @Column(name = "key_cache_seconds", nullable = false)
    private int keyCacheSeconds;
    /**
     * At most this many signatures in the credential's life, or null (B5). The count, signatures_used, is not mapped:
     * only the SAM's conditional update in the signing transaction writes it, never a stale copy of the row.
     */
    @Column(name = "max_signatures")
    private Integer maxSignatures;

    /** A cached key serves at most this many signatures before it is unwrapped afresh. */
    private static final int MAX_CACHED_USES = 10_000;

    public void limitSignatures(Integer max) {
        this.maxSignatures = max;
    }

    public Integer maxSignatures() {
        return maxSignatures;
    }

    protected CredentialEntity() {
    }

    public CredentialEntity(byte[] publicKey, WrappedKey wrapped, String scal, int keyCacheSeconds, byte[] certificate,
                            Instant createdAt) {
        this.id = wrapped.binding().credentialId();
        this.ownerId = wrapped.binding().ownerId();
        this.key = new StoredKey(wrapped);
        this.status = "ENABLED";
        this.publicKey = publicKey.clone();
        this.scal = scal;
        this.keyCacheSeconds = keyCacheSeconds;
        this.certificate = certificate == null ? null : certificate.clone();
        this.createdAt = createdAt;
    }

    /** The wrapped key exactly as stored; the HSM checks its binding before it unwraps anything. */
    public WrappedKey wrappedKey() {
        return key.wrappedKey(new KeyBinding(id, ownerId));
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String keyAlgorithm() {
        return key.keyAlgorithm();
    }

    public int keyLength() {
        return key.keyLength();
    }

    public String curve() {
        return key.curve();
    }

    public String status() {
        return status;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** CSC sole control level: "2" binds authorizations to hashes, "1" to a number of signatures. */
    public String scal() {
        return scal;
    }

    /** The end-entity certificate (DER), or null for a credential created before the CA existed. */
    public byte[] certificate() {
        return certificate == null ? null : certificate.clone();
    }

    /** The unwrapped-key cache policy of this credential. */
    public KeyCachePolicy keyCachePolicy() {
        return keyCacheSeconds == 0 ? KeyCachePolicy.NONE
                : new KeyCachePolicy(java.time.Duration.ofSeconds(keyCacheSeconds), MAX_CACHED_USES);
    }

    public boolean enabled() {
        return "ENABLED".equals(status);
    }

    public boolean revoked() {
        return "REVOKED".equals(status);
    }

    public boolean suspended() {
        return SUSPENDED.equals(status);
    }

    /** Signs nothing while suspended (the SAM signs only ENABLED credentials); its certificate is on hold. */
    public void suspend() {
        this.status = SUSPENDED;
    }

    public void resume() {
        this.status = "ENABLED";
    }

    /** Disables the credential for good: its certificate is revoked, so it must never sign again. */
    public void revoke() {
        this.status = "REVOKED";
    }
}
