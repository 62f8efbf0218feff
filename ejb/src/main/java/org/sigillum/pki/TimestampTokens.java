package org.sigillum.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Time-stamp requests as Sigillum sends them, and the checks on what comes back (checklist D7: a response with
 * another nonce or imprint, or without a token, is refused). Plain Java.
 */
final class TimestampTokens {

    /** The digest algorithms accepted for imprints, with their lengths in bytes. */
    static final Map<String, Integer> DIGEST_LENGTHS = Map.of("2.16.840.1.101.3.4.2.1", 32,
            "2.16.840.1.101.3.4.2.2", 48, "2.16.840.1.101.3.4.2.3", 64);

    private TimestampTokens() {
    }

    static TimeStampRequest request(String hashAlgorithmOid, byte[] hash, BigInteger nonce) throws ServiceException {
        Integer length = hashAlgorithmOid == null ? null : DIGEST_LENGTHS.get(hashAlgorithmOid);
        if (length == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "hashAlgorithmOID must be SHA-256, SHA-384 or SHA-512");
        }
        if (hash == null || hash.length != length) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the hash does not have the length of its algorithm");
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(new ASN1ObjectIdentifier(hashAlgorithmOid), hash, nonce);
    }

    /** The token of a response that grants exactly {@code request}; anything else is a refusal. */
    static byte[] token(TimeStampRequest request, byte[] response) throws ServiceException {
        try {
            TimeStampResponse parsed = new TimeStampResponse(response);
            if (parsed.getStatus() != PKIStatus.GRANTED && parsed.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "the time-stamping authority refused: "
                        + (parsed.getStatusString() == null ? "status " + parsed.getStatus() : parsed.getStatusString()));
            }
            parsed.validate(request);
            return parsed.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException | RuntimeException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "the time-stamping authority's answer does not match the request", e);
        }
    }
}
