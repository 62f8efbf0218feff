package org.sigillum.api.admin;

/**
 * {@code {"keyAlgo":"RSA","keyLength":2048}} or {@code {"keyAlgo":"EC","curve":"P-256"}}, optionally with
 * {@code "scal":"1"|"2"} (default "2": every authorization names the hashes it allows).
 */
public record CreateCredentialRequest(String keyAlgo, Integer keyLength, String curve, String scal) {
}
