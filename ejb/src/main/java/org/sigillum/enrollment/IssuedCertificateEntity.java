package org.sigillum.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;

/** A certificate in the built-in CAs' register: who issued it, for which credential, and its revocation. */
@Entity
@Table(name = "issued_certificate")
public class IssuedCertificateEntity {

    @Id
    @Column(name = "serial_number")
    private String serialNumber;
    @Column(name = "ca_name", nullable = false)
    private String caName;
    @Column(name = "credential_id")
    private String credentialId;
    @Column(name = "not_after", nullable = false)
    private Instant notAfter;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revocation_reason")
    private Integer revocationReason;

    protected IssuedCertificateEntity() {
    }

    public IssuedCertificateEntity(X509CertificateHolder certificate, String caName, String credentialId) {
        this.serialNumber = key(certificate.getSerialNumber());
        this.caName = caName;
        this.credentialId = credentialId;
        this.notAfter = certificate.getNotAfter().toInstant();
    }

    /** The primary key of a serial number: lowercase hex, without sign or leading zeros. */
    public static String key(BigInteger serialNumber) {
        return serialNumber.toString(16);
    }

    public BigInteger serialNumber() {
        return new BigInteger(serialNumber, 16);
    }

    public String caName() {
        return caName;
    }

    public String credentialId() {
        return credentialId;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    /** The RFC 5280 CRLReason code, or null while not revoked. */
    public Integer revocationReason() {
        return revocationReason;
    }

    /** Lifts a certificateHold: the certificate is good again, and leaves the next CRL. */
    public void release() {
        this.revokedAt = null;
        this.revocationReason = null;
    }

    public void revoke(Instant at, int reason) {
        this.revokedAt = at;
        this.revocationReason = reason;
    }
}
