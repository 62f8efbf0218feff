package org.sigillum.api.sam;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a user authorized: credential, owner, the exact hashes (SCAL 2) or a budget of signatures (SCAL 1), the
 * hash algorithm, and how the user was authenticated. The SAM turns it into a single-use SAD.
 */
public record SadGrant(String credentialId, String userId, String clientId, String scal, String hashAlgorithmOid,
                       List<String> hashes, int numSignatures, List<String> factors, Instant authenticatedAt)
        implements Serializable {

    public SadGrant {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scal, "scal");
        hashes = hashes == null ? List.of() : List.copyOf(hashes);
        factors = List.copyOf(factors);
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
    }

    /** The same authorization, with the factors the user has now proven. */
    public SadGrant authenticatedBy(List<String> proven, Instant at) {
        return new SadGrant(credentialId, userId, clientId, scal, hashAlgorithmOid, hashes, numSignatures, proven, at);
    }
}
