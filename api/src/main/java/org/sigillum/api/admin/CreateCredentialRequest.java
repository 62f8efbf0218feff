package org.sigillum.api.admin;

/** {@code {"keyAlgo":"RSA","keyLength":2048}} or {@code {"keyAlgo":"EC","curve":"P-256"}}. */
public record CreateCredentialRequest(String keyAlgo, Integer keyLength, String curve) {
}
