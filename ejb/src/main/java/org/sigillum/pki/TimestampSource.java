package org.sigillum.pki;

import java.math.BigInteger;
import org.sigillum.api.error.ServiceException;

/**
 * Where RFC 3161 time-stamp tokens come from: the built-in TSA, or an external TSA when one is configured
 * ({@link TimestampSources}). CSC signatures/timestamp uses it, and document signing (levels T and above) will.
 */
public interface TimestampSource {

    /**
     * A DER TimeStampToken over {@code hash}, already checked to answer this very request (granted, same
     * imprint and nonce); {@code hashAlgorithmOid} is SHA-256, SHA-384 or SHA-512.
     */
    byte[] timestamp(String hashAlgorithmOid, byte[] hash, BigInteger nonce) throws ServiceException;
}
