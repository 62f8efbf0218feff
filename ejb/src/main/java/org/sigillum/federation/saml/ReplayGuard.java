package org.sigillum.federation.saml;

/**
 * Records an assertion as consumed; false if it had been already. On the server this is the cluster-wide
 * {@code saml-replay} store ({@link SamlReplayLedger}), claimed in the transaction that completes the login.
 */
@FunctionalInterface
public interface ReplayGuard {

    boolean claim(String issuer, String assertionId);
}
