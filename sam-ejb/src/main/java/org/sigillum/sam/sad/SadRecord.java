package org.sigillum.sam.sad;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.sigillum.api.sam.SadGrant;

/** A SAD as the SAM keeps it in the cluster cache, under the digest of its value. */
public record SadRecord(SadGrant grant, Instant expiresAt) implements Serializable {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    List<String> hashes() {
        return grant.hashes();
    }
}
