package org.sigillum.pki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/** The current CRL of one built-in CA, as published. */
@Entity
@Table(name = "crl")
public class CrlEntity {

    @Id
    @Column(name = "ca_name")
    private String caName;
    @Column(name = "crl_number", nullable = false)
    private long crlNumber;
    @Column(name = "this_update", nullable = false)
    private Instant thisUpdate;
    @Column(name = "next_update", nullable = false)
    private Instant nextUpdate;
    @Column(nullable = false)
    private byte[] encoded;

    protected CrlEntity() {
    }

    CrlEntity(String caName) {
        this.caName = caName;
    }

    String caName() {
        return caName;
    }

    BigInteger nextNumber() {
        return BigInteger.valueOf(crlNumber + 1);
    }

    /** Due for a new issue once half its validity has passed, so relying parties never hold an expired one. */
    boolean due(Instant now) {
        return encoded == null || now.isAfter(thisUpdate.plus(java.time.Duration.between(thisUpdate, nextUpdate).dividedBy(2)));
    }

    byte[] encoded() {
        return encoded.clone();
    }

    void published(BigInteger number, Instant thisUpdate, Instant nextUpdate, byte[] encoded) {
        this.crlNumber = number.longValueExact();
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.encoded = encoded.clone();
    }
}
