package org.sigillum.csc;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.TimestampRequest;
import org.sigillum.api.csc.TimestampResponse;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.CscTimestamps;
import org.sigillum.audit.Events;
import org.sigillum.pki.TimestampSources;

/**
 * CSC v2 signatures/timestamp for a service token. Without a nonce from the caller, one of ours goes into the
 * request, so that the answer is still bound to it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CscTimestampBean implements CscTimestamps {

    /** 256 bits is more than any sensible nonce; RFC 3161 nonces are INTEGERs, and we keep them bounded. */
    private static final int MAX_NONCE_HEX_DIGITS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private TimestampSources sources;
    @EJB
    private AuditTrail audit;

    /** Audited like every other CSC call that uses the server's keys: who asked, for which hash algorithm (E1). */
    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public TimestampResponse timestamp(TokenPrincipal caller, TimestampRequest request) throws ServiceException {
        String userId = caller == null ? null : caller.userId();
        String actor = userId != null ? userId : caller == null ? RequestCaller.SYSTEM : "client:" + caller.clientId();
        Map<String, String> details = Map.of("hashAlgorithmOID",
                String.valueOf(request == null ? null : request.hashAlgorithmOID()));
        TimestampResponse response;
        try {
            response = issue(caller, request);
        } catch (ServiceException e) {
            audit.recordRefusal(Events.unsuccessful(Events.TIMESTAMP_REFUSED, Events.TIMESTAMP_FAILED, e, actor, userId,
                    details));
            throw e;
        }
        audit.record(new AuditEvent(Events.TIMESTAMP_ISSUED, AuditEvent.Outcome.SUCCESS, actor, userId, null, details));
        return response;
    }

    private TimestampResponse issue(TokenPrincipal caller, TimestampRequest request) throws ServiceException {
        if (caller == null || !caller.scopes().contains(Scopes.SERVICE)) {
            throw new ServiceException(ErrorCode.INSUFFICIENT_SCOPE, "this call needs a token of scope " + Scopes.SERVICE);
        }
        if (request == null || request.hash() == null || request.hashAlgorithmOID() == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "hash and hashAlgorithmOID are required");
        }
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(request.hash());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "hash is not base64");
        }
        byte[] token = sources.current().timestamp(request.hashAlgorithmOID(), hash, nonce(request.nonce()));
        return new TimestampResponse(Base64.getEncoder().encodeToString(token));
    }

    private static BigInteger nonce(String hex) throws ServiceException {
        if (hex == null) {
            return new BigInteger(64, RANDOM);
        }
        if (hex.isEmpty() || hex.length() > MAX_NONCE_HEX_DIGITS
                || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "nonce must be 1 to " + MAX_NONCE_HEX_DIGITS
                    + " hexadecimal digits");
        }
        return new BigInteger(hex, 16);
    }
}
