package org.sigillum.api.admin;

/** A certificate to trust for validation: base64 DER, or PEM. */
public record AddTrustAnchorRequest(String certificate) {
}
