package org.sigillum.account;

import jakarta.persistence.Column;
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
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "failed_pins", nullable = false)
    private int failedPins;
    @Column(name = "pin_locked_until")
    private Instant pinLockedUntil;

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

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failed login; the account locks for {@code lockout} once {@code maxFailures} is reached. */
    public void loginFailed(Instant now, int maxFailures, java.time.Duration lockout) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockout);
            failedLogins = 0;
        }
    }

    public void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public boolean pinLockedAt(Instant now) {
        return pinLockedUntil != null && now.isBefore(pinLockedUntil);
    }

    /** Counts a wrong PIN; signing locks for {@code lockout} once {@code maxFailures} is reached. */
    public void pinFailed(Instant now, int maxFailures, java.time.Duration lockout) {
        failedPins++;
        if (failedPins >= maxFailures) {
            pinLockedUntil = now.plus(lockout);
            failedPins = 0;
        }
    }

    public void pinSucceeded() {
        failedPins = 0;
        pinLockedUntil = null;
    }
}
