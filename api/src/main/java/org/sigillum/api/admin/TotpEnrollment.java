package org.sigillum.api.admin;

/**
 * A new TOTP authenticator (RFC 6238: SHA-1, 6 digits, 30 s): the base32 secret and the otpauth URI an
 * authenticator app scans. Shown once; the server keeps the seed only sealed by its HSM.
 */
public record TotpEnrollment(String secret, String uri) {

    @Override
    public String toString() {
        return "TotpEnrollment[…]";
    }
}
