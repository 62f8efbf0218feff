package org.sigillum.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sigillum.tenancy.GroupEntity;
import org.sigillum.tenancy.Tenants;

@Entity
@Table(name = "sig_user")
// The failure counters, locks and attempt reservations are not mapped: only AuthenticationFailuresBean's
// conditional updates write them, never a stale copy of the row (checklist C8).
public class UserEntity {

    public static final String DISABLED = Tenants.DISABLED;

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
    private TotpSeed totp = new TotpSeed();
    /** Where codes by e-mail and by SMS go (V23); null when the user receives none that way. */
    @Column(name = "otp_email")
    private String otpEmail;
    @Column(name = "otp_phone")
    private String otpPhone;
    /** The group that enrolled the account: only that group's service providers act for it (C12). */
    @Column(name = "group_id", nullable = false)
    private String groupId;

    protected UserEntity() {
    }

    public UserEntity(String id, String username, String passwordHash, String pinHash, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.status = "ACTIVE";
        this.passwordHash = passwordHash;
        this.pinHash = pinHash;
        this.createdAt = createdAt;
        this.groupId = GroupEntity.DEFAULT;
    }

    public String groupId() {
        return groupId;
    }

    public void groupId(String group) {
        this.groupId = group;
    }

    /** Disabled by an operator or its service provider: it logs in and signs no more. */
    public void disable() {
        this.status = DISABLED;
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

    public String otpEmail() {
        return otpEmail;
    }

    public String otpPhone() {
        return otpPhone;
    }

    public void setOtpEmail(String address) {
        this.otpEmail = address;
    }

    public void setOtpPhone(String number) {
        this.otpPhone = number;
    }
}
