package org.sigillum.federation.saml;

/**
 * Records an assertion as consumed; false if it had been already. On the server this is the cluster-wide
 * single-use ledger (kind {@code saml-replay}), claimed in the transaction that completes the login.
 */
@FunctionalInterface
public interface ReplayGuard {

    boolean claim(String issuer, String assertionId);
}
