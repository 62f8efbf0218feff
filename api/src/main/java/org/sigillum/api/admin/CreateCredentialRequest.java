package org.sigillum.api.admin;

/**
 * {@code {"keyAlgo":"RSA","keyLength":2048}} or {@code {"keyAlgo":"EC","curve":"P-256"}}, optionally with
 * {@code "scal":"1"|"2"} (default "2": every authorization names the hashes it allows) and
 * {@code "keyCacheSeconds"} (default 0: the unwrapped key is destroyed after each signature; more keeps it in
 * the HSM for that long, so frequent signers skip the unwrap; each signature still needs its SAD), and
 * {@code "maxSignatures"} (default none: the credential makes at most that many signatures in its life, B5).
 */
public record CreateCredentialRequest(String keyAlgo, Integer keyLength, String curve, String scal,
                                      Integer keyCacheSeconds, Integer maxSignatures) {
}
