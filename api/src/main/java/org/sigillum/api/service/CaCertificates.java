package org.sigillum.api.service;

import jakarta.ejb.Local;

/** The public certificates of the built-in CA, as the AIA extension of its certificates points to them. */
@Local
public interface CaCertificates {

    /** DER of the certificate named "root", "issuing" (the CAs) or "tsa" (the time-stamping authority), or null. */
    byte[] caCertificate(String name);
}
