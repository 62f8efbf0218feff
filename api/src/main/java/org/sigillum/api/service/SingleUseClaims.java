package org.sigillum.api.service;

import jakarta.ejb.Local;

/**
 * Claims a value that may be used once (a pushed request, a consent, a code, a client assertion). The ledger
 * that answers lives with the SAM, which spends SADs through it; code outside the SAM reaches it only through
 * this interface, so it cannot touch the SAM's own stores.
 */
@Local
public interface SingleUseClaims {

    /** Records the value as used, within the caller's transaction; false if it had been used already. */
    boolean claim(String kind, String digest);
}
