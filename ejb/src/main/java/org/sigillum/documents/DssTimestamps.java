package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.sigillum.api.error.ServiceException;
import org.sigillum.pki.TimestampSource;

/**
 * DSS's view of the time-stamp source in use (the built-in TSA, or the configured external one): each request
 * carries a fresh nonce, and the source checks that the token answers it.
 */
final class DssTimestamps implements TSPSource {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final transient TimestampSource source;

    DssTimestamps(TimestampSource source) {
        this.source = source;
    }

    @Override
    public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
        try {
            return new TimestampBinary(source.timestamp(digestAlgorithm.getOid(), digest, new BigInteger(64, RANDOM)));
        } catch (ServiceException e) {
            throw new DSSException("no time-stamp: " + e.getMessage(), e);
        }
    }
}
