package org.sigillum.pki;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.tsp.TimeStampRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TimeStampAuthority;

/** Tokens of the built-in TSA, through the same request and response as over HTTP, checked the same way. */
final class BuiltInTimestampSource implements TimestampSource {

    private final TimeStampAuthority tsa;

    BuiltInTimestampSource(TimeStampAuthority tsa) {
        this.tsa = tsa;
    }

    @Override
    public byte[] timestamp(String hashAlgorithmOid, byte[] hash, BigInteger nonce) throws ServiceException {
        TimeStampRequest request = TimestampTokens.request(hashAlgorithmOid, hash, nonce);
        try {
            return TimestampTokens.token(request, tsa.respond(request.getEncoded()));
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the time-stamp request could not be encoded", e);
        }
    }
}
