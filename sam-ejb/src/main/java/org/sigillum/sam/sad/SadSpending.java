package org.sigillum.sam.sad;

import java.time.Instant;
import org.sigillum.api.auth.TokenPrincipal;

/**
 * How a SAD is spent: looked at first and checked against the caller and the credential, so that a wrong caller
 * neither signs nor burns it (A12); only then consumed, once (A1, A8). Plain Java over a {@link Store}, so the order
 * is tested without a container.
 */
final class SadSpending {

    /** Where SADs live, under the digest of their value. */
    interface Store {

        /** The SAD, left where it is; null if unknown. */
        SadRecord peek(String key);

        /** The SAD, removed for good; null if someone else had it first. */
        SadRecord consume(String key);
    }

    private final Store store;

    SadSpending(Store store) {
        this.store = store;
    }

    /** The SAD, spent, after checking that this caller may spend it for this credential. */
    SadRecord spend(String sad, TokenPrincipal caller, String credentialId, Instant now) throws SadRefusal {
        if (sad == null || sad.isBlank()) {
            throw new SadRefusal(SadRules.Rule.UNKNOWN_OR_SPENT);
        }
        String key = SadStore.key(sad);
        SadRecord seen = store.peek(key);
        if (seen == null || seen.expiredAt(now)) {
            throw new SadRefusal(SadRules.Rule.UNKNOWN_OR_SPENT);
        }
        SadRules.requireIssuedTo(seen.grant(), caller, credentialId);
        SadRecord spent = store.consume(key);
        if (spent == null || spent.expiredAt(now)) {
            throw new SadRefusal(SadRules.Rule.UNKNOWN_OR_SPENT);
        }
        return spent;
    }
}
