package org.sigillum.account;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "sig_user")
public class UserEntity {

    @Id
    private String id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "pin_hash")
    private String pinHash;
    @Embedded
    @AttributeOverride(name = "failures", column = @Column(name = "failed_logins", nullable = false))
    @AttributeOverride(name = "lockedUntil", column = @Column(name = "locked_until"))
    private FailureCounter logins = new FailureCounter();
    @Embedded
    @AttributeOverride(name = "failures", column = @Column(name = "failed_pins", nullable = false))
    @AttributeOverride(name = "lockedUntil", column = @Column(name = "pin_locked_until"))
    private FailureCounter pins = new FailureCounter();
    @Embedded
    private TotpSeed totp = new TotpSeed();

    protected UserEntity() {
    }

    public UserEntity(String id, String username, String passwordHash, String pinHash, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.status = "ACTIVE";
        this.passwordHash = passwordHash;
        this.pinHash = pinHash;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String pinHash() {
        return pinHash;
    }

    /** A fresh hash of the same password, made with the current parameters (SecretHasher.outdated). */
    public void rehashPassword(String hash) {
        this.passwordHash = hash;
    }

    /** A fresh hash of the same PIN, made with the current parameters (SecretHasher.outdated). */
    public void rehashPin(String hash) {
        this.pinHash = hash;
    }

    /** Failed logins with the password, and the lock they put on the account. */
    public FailureCounter logins() {
        return logins;
    }

    /** The sealed TOTP seed, when the user has enrolled an authenticator app. */
    public TotpSeed totp() {
        if (totp == null) {
            totp = new TotpSeed();
        }
        return totp;
    }

    public boolean hasTotp() {
        return totp != null && totp.enrolled();
    }

    /** Wrong signing PINs and OTPs, and the lock they put on signing. */
    public FailureCounter pins() {
        return pins;
    }
}
