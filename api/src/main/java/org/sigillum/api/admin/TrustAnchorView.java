package org.sigillum.api.admin;

/** A validation trust anchor: its ID, subject, SHA-256 of the DER certificate, and the certificate in base64. */
public record TrustAnchorView(String id, String subject, String sha256, String certificate) {
}
