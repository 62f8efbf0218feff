package org.sigillum.csc;

import java.time.Instant;
import java.util.List;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.api.tenancy.GroupPolicy;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.tenancy.GroupPolicies;

/**
 * What a user may authorize for a credential, whether through CSC credentials/authorize or through the OAuth 2.0
 * credential scope: SCAL 2 needs exactly the hashes to be signed, SCAL 1 a bounded number of signatures.
 */
public final class SadGrants {

    private SadGrants() {
    }

    /**
     * The authorization requested, checked, with no factors yet: {@link SadGrant#authenticatedBy} adds them once
     * the user has proven them.
     *
     * @param hashes base64 hashes as the caller sent them, or null
     * @param policy the policy of the user's group, which narrows the server's {@code serverMaxSignatures} and SCAL
     */
    public static SadGrant requested(CredentialEntity credential, String userId, String clientId, Integer numSignatures,
                                     String hashAlgorithmOid, List<String> hashes, int serverMaxSignatures,
                                     GroupPolicy policy) throws ServiceException {
        if (!credential.enabled()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the credential is disabled");
        }
        GroupPolicies.requireScal(policy, hashes);
        int maxSignatures = GroupPolicies.maxNumSignatures(policy, serverMaxSignatures);
        if (numSignatures == null || numSignatures < 1 || numSignatures > maxSignatures) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "numSignatures must be 1 to " + maxSignatures);
        }
        List<String> canonical = List.of();
        if ("2".equals(credential.scal()) || (hashes != null && !hashes.isEmpty())) {
            if (hashes == null || hashes.isEmpty()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "this credential needs the hashes it will sign");
            }
            canonical = canonicalHashes(hashAlgorithmOid, hashes, maxSignatures);
            if (canonical.size() != numSignatures) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "numSignatures must equal the number of hashes");
            }
        } else if (hashAlgorithmOid != null) {
            HashList.algorithm(hashAlgorithmOid);
        }
        return new SadGrant(credential.id(), userId, clientId, credential.scal(), hashAlgorithmOid, canonical,
                numSignatures, List.of(), Instant.now());
    }

    /** The digest of a document's bytes with the algorithm an authorization names. */
    public static byte[] digest(String hashAlgorithmOid, byte[] content) throws ServiceException {
        DigestAlgorithm algorithm = HashList.algorithm(hashAlgorithmOid);
        try {
            return java.security.MessageDigest.getInstance(algorithm.jcaName()).digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes base64 hashes, checks their length against the algorithm, and re-encodes them canonically. */
    public static List<String> canonicalHashes(String hashAlgorithmOid, List<String> hashes, int maxSignatures)
            throws ServiceException {
        DigestAlgorithm digest = HashList.algorithm(hashAlgorithmOid);
        return HashList.canonical(HashList.decode(hashes, maxSignatures, digest.length()));
    }
}
