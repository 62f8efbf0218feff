package org.sigillum.sam.sad;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.SignatureScheme;

/**
 * What a consumed SAD allows: this caller (A4), this credential (A3), this hash algorithm (A6), these hashes and
 * no other, each at most as often as authorized (A2), no more signatures than authorized (A2). Plain Java, so
 * the rules are tested without a container.
 */
public final class SadRules {

    private SadRules() {
    }

    public static void check(SadRecord sad, String callerUserId, KeyBinding key, SignatureScheme scheme,
                             String hashAlgorithmOid, List<byte[]> hashes) throws ServiceException {
        if (!sad.grant().userId().equals(callerUserId)) {
            throw refused(ErrorCode.INVALID_REQUEST, "the SAD was not issued to this user");
        }
        if (!sad.grant().credentialId().equals(key.credentialId()) || !sad.grant().userId().equals(key.ownerId())) {
            throw refused(ErrorCode.INVALID_REQUEST, "the SAD was not issued for this credential");
        }
        String authorizedAlgorithm = sad.grant().hashAlgorithmOid();
        String signedAlgorithm = hashAlgorithmOid != null ? hashAlgorithmOid : scheme.digest().oid();
        if (!scheme.digest().oid().equals(signedAlgorithm)
                || (authorizedAlgorithm != null && !authorizedAlgorithm.equals(signedAlgorithm))) {
            throw refused(ErrorCode.INVALID_REQUEST, "the hash algorithm is not the one authorized");
        }
        if (hashes.isEmpty() || hashes.size() > sad.grant().numSignatures()) {
            throw refused(ErrorCode.INVALID_REQUEST, "the SAD allows 1 to " + sad.grant().numSignatures() + " signatures");
        }
        for (byte[] hash : hashes) {
            if (hash.length != scheme.digest().length()) {
                throw refused(ErrorCode.INVALID_REQUEST, "a hash has the wrong length for its algorithm");
            }
        }
        if ("2".equals(sad.grant().scal())) {
            requireAuthorized(sad.hashes(), hashes);
        }
    }

    /** Every hash must be among the authorized ones, each used at most as many times as it was authorized. */
    static void requireAuthorized(List<String> authorized, List<byte[]> requested) throws ServiceException {
        Map<String, Integer> remaining = new HashMap<>();
        for (String hash : authorized) {
            remaining.merge(hash, 1, Integer::sum);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        for (byte[] hash : requested) {
            String key = base64.encodeToString(hash);
            Integer left = remaining.get(key);
            if (left == null || left == 0) {
                throw refused(ErrorCode.INVALID_HASH, "a hash was not authorized by the user");
            }
            remaining.put(key, left - 1);
        }
    }

    private static ServiceException refused(ErrorCode code, String message) {
        return new ServiceException(code, message);
    }
}
