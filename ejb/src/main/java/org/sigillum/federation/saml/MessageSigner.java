package org.sigillum.federation.saml;

/**
 * Signs the octets of an HTTP-Redirect binding message (SAML bindings 3.4.4.1) with the service provider's
 * signing key. On the server the key is in the HSM and never leaves it; tests use a software key.
 */
public interface MessageSigner {

    /** The XML-DSig URI of the algorithm, sent as {@code SigAlg}. */
    String algorithmUri();

    byte[] sign(byte[] octets);
}
