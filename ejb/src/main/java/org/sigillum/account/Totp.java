package org.sigillum.account;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 as authenticator apps implement it: HMAC-SHA1, 30-second steps, 6 digits. The HMAC itself is the
 * HSM's; this class only frames the counters and truncates the results (RFC 4226 5.3).
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    public static final int SEED_BYTES = 20;
    /** Steps either side of now that are accepted: clock drift and typing time. */
    static final int WINDOW = 1;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The seed as authenticator apps take it: RFC 4648 base32, without the padding they do not expect. */
    static String secret(byte[] seed) {
        return new Base32().encodeToString(seed).replace("=", "");
    }

    public static long step(Instant at) {
        return at.getEpochSecond() / PERIOD_SECONDS;
    }

    /** The candidate steps around {@code now} that are later than the last one accepted, oldest first. */
    static List<Long> candidateSteps(Instant now, long lastAccepted) {
        List<Long> steps = new ArrayList<>();
        long current = step(now);
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            if (s > lastAccepted) {
                steps.add(s);
            }
        }
        return steps;
    }

    public static byte[] counter(long step) {
        return ByteBuffer.allocate(Long.BYTES).putLong(step).array();
    }

    /** RFC 4226 dynamic truncation of an HMAC-SHA1 value to a {@code digits}-digit code. */
    public static String truncate(byte[] hmac, int digits) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary = ((hmac[offset] & 0x7f) << 24) | ((hmac[offset + 1] & 0xff) << 16)
                | ((hmac[offset + 2] & 0xff) << 8) | (hmac[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** The otpauth URI authenticator apps scan (Google's key-uri format, which the apps share). */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
