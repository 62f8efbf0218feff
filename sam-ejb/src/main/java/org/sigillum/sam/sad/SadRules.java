package org.sigillum.sam.sad;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.SignatureScheme;

/**
 * What a SAD allows. Before it is spent: only the user and the client application it was issued to, for its
 * credential (A3, A4, A12), so that a wrong caller neither signs nor burns it. Once spent: this hash algorithm (A6),
 * these hashes and no other, each at most as often as authorized, no more signatures than authorized (A2). Plain
 * Java, so the rules are tested without a container; each refusal names its rule.
 */
public final class SadRules {

    /** Why a SAD was refused; the checklist ID is part of the message the caller sees. */
    public enum Rule {
        UNKNOWN_OR_SPENT("A1", ErrorCode.INVALID_REQUEST, "the SAD is invalid, expired or already used"),
        OTHER_USER("A4", ErrorCode.INVALID_REQUEST, "the SAD was not issued to this user"),
        OTHER_CLIENT("A12", ErrorCode.INVALID_REQUEST, "the SAD was not issued to this client application"),
        OTHER_CREDENTIAL("A3", ErrorCode.INVALID_REQUEST, "the SAD was not issued for this credential"),
        HASH_ALGORITHM("A6", ErrorCode.INVALID_REQUEST, "the hash algorithm is not the one authorized"),
        HASH_LENGTH("A6", ErrorCode.INVALID_REQUEST, "a hash has the wrong length for its algorithm"),
        SIGNATURE_COUNT("A2", ErrorCode.INVALID_REQUEST, "the SAD does not allow this number of signatures"),
        UNAUTHORIZED_HASH("A2", ErrorCode.INVALID_HASH, "a hash was not authorized by the user"),
        TOO_OLD_TO_EXTEND("A5", ErrorCode.INVALID_REQUEST, "the authorization is too old to extend; authorize again"),
        CREDENTIAL_INACTIVE("A11", ErrorCode.INVALID_REQUEST, "the credential is revoked, disabled or deleted"),
        USAGE_LIMIT("B5", ErrorCode.INVALID_REQUEST, "the credential has made all the signatures it is allowed");

        private final String checklistId;
        private final ErrorCode code;
        private final String message;

        Rule(String checklistId, ErrorCode code, String message) {
            this.checklistId = checklistId;
            this.code = code;
            this.message = message;
        }

        public String checklistId() {
            return checklistId;
        }

        public ErrorCode code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    private SadRules() {
    }

    /** Checked before the SAD is spent: the caller and the credential must be the ones the SAD was issued for. */
    public static void requireIssuedTo(SadGrant grant, TokenPrincipal caller, String credentialId) throws SadRefusal {
        if (caller == null || !grant.userId().equals(caller.userId())) {
            throw new SadRefusal(Rule.OTHER_USER);
        }
        if (!Objects.equals(grant.clientId(), caller.clientId())) {
            throw new SadRefusal(Rule.OTHER_CLIENT);
        }
        if (!grant.credentialId().equals(credentialId)) {
            throw new SadRefusal(Rule.OTHER_CREDENTIAL);
        }
    }

    /** Checked once the SAD is spent: what is signed must be what was authorized. */
    public static void check(SadRecord sad, KeyBinding key, SignatureScheme scheme, String hashAlgorithmOid,
                             List<byte[]> hashes) throws ServiceException {
        SadGrant grant = sad.grant();
        if (!grant.credentialId().equals(key.credentialId()) || !grant.userId().equals(key.ownerId())) {
            throw new SadRefusal(Rule.OTHER_CREDENTIAL);
        }
        String authorizedAlgorithm = grant.hashAlgorithmOid();
        String signedAlgorithm = hashAlgorithmOid != null ? hashAlgorithmOid : scheme.digest().oid();
        if (!scheme.digest().oid().equals(signedAlgorithm)
                || (authorizedAlgorithm != null && !authorizedAlgorithm.equals(signedAlgorithm))) {
            throw new SadRefusal(Rule.HASH_ALGORITHM);
        }
        if (hashes.isEmpty() || hashes.size() > grant.numSignatures()) {
            throw new SadRefusal(Rule.SIGNATURE_COUNT);
        }
        for (byte[] hash : hashes) {
            if (hash.length != scheme.digest().length()) {
                throw new SadRefusal(Rule.HASH_LENGTH);
            }
        }
        // what the user was shown binds whatever the SCAL; SCAL 1 only spares binding when nothing was shown
        if ("2".equals(grant.scal()) || !grant.hashes().isEmpty()) {
            requireAuthorized(grant.hashes(), hashes);
        }
    }

    /** extendTransaction: only while the user's authentication is younger than {@code maxTransactionSeconds}. */
    public static void requireExtendable(SadGrant grant, Instant now, long maxTransactionSeconds) throws SadRefusal {
        if (grant.authenticatedAt().plusSeconds(maxTransactionSeconds).isBefore(now)) {
            throw new SadRefusal(Rule.TOO_OLD_TO_EXTEND);
        }
    }

    /** Every hash must be among the authorized ones, each used at most as many times as it was authorized. */
    static void requireAuthorized(List<String> authorized, List<byte[]> requested) throws SadRefusal {
        Map<String, Integer> remaining = new HashMap<>();
        for (String hash : authorized) {
            remaining.merge(hash, 1, Integer::sum);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        for (byte[] hash : requested) {
            String key = base64.encodeToString(hash);
            Integer left = remaining.get(key);
            if (left == null || left == 0) {
                throw new SadRefusal(Rule.UNAUTHORIZED_HASH);
            }
            remaining.put(key, left - 1);
        }
    }
}
