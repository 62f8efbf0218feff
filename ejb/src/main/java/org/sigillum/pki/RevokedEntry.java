package org.sigillum.pki;

import java.math.BigInteger;
import java.time.Instant;

/** One entry of a CRL: serial number, revocation time, RFC 5280 reason code. */
record RevokedEntry(BigInteger serialNumber, Instant revokedAt, int reason) {
}
