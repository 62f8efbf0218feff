package org.sigillum.activation.otp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Codes of 6 to 8 decimal digits, and the salted hash that is all the database keeps of one. */
final class OneTimeCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeCodes() {
    }

    static String generate(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }

    static String salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    static String hash(String salt, String code) {
        return CodeBinding.sha256Hex(salt + ":" + code);
    }

    static boolean matches(String salt, String storedHash, String presented) {
        return presented != null && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(salt, presented).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whom a code went to, for the rate limits, without keeping the address itself in another table. */
    static String recipientHash(String channel, String normalizedRecipient) {
        return CodeBinding.sha256Hex(channel + ":" + normalizedRecipient);
    }
}
