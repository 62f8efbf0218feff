package org.sigillum.oauth;

import java.security.SecureRandom;
import java.util.Base64;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The unguessable values of the authorization flow (transaction IDs, CSRF values, pushed request URIs) and the
 * digest under which a used one is claimed, so the ledger never holds the value itself. Kept here rather than
 * borrowed from the SAM, whose values are signature activation data.
 */
final class RandomValues {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomValues() {
    }

    /** 256 random bits, base64url without padding. */
    static String newValue() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String digest(String value) {
        return DigestUtils.sha256Hex(value);
    }
}
