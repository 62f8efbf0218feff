package org.sigillum.pki;

import java.time.Instant;

/** What the built-in CA's register says of one serial number. */
record CertificateState(Kind kind, Instant revokedAt, int reason) {

    enum Kind {
        GOOD,
        REVOKED,
        UNKNOWN
    }

    static final CertificateState GOOD = new CertificateState(Kind.GOOD, null, 0);
    static final CertificateState UNKNOWN = new CertificateState(Kind.UNKNOWN, null, 0);

    static CertificateState revoked(Instant at, int reason) {
        return new CertificateState(Kind.REVOKED, at, reason);
    }
}
