package org.sigillum.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The framing around the HSM's HMAC: counters, truncation, window, base32 and the otpauth URI. */
class TotpTest {

    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void truncationGivesTheRfc4226AppendixDCodes() throws Exception {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
            "520489"};
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(RFC_SEED, "HmacSHA1"));
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], Totp.truncate(mac.doFinal(Totp.counter(counter)), 6), "counter " + counter);
        }
    }

    @Test
    void eightDigitCodesMatchRfc6238AppendixB() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(RFC_SEED, "HmacSHA1"));
        assertEquals("94287082", Totp.truncate(mac.doFinal(Totp.counter(Totp.step(Instant.ofEpochSecond(59)))), 8));
        assertEquals("07081804", Totp.truncate(mac.doFinal(Totp.counter(Totp.step(Instant.ofEpochSecond(1111111109)))), 8));
        assertEquals("65353130", Totp.truncate(mac.doFinal(Totp.counter(Totp.step(Instant.ofEpochSecond(20000000000L)))), 8));
    }

    @Test
    void windowIsOneStepEitherSideAndSkipsUsedSteps() {
        Instant now = Instant.ofEpochSecond(30 * 1000 + 5);
        assertEquals(List.of(999L, 1000L, 1001L), Totp.candidateSteps(now, 0));
        assertEquals(List.of(1001L), Totp.candidateSteps(now, 1000));
        assertEquals(List.of(), Totp.candidateSteps(now, 1001));
    }

    @Test
    void base32IsRfc4648WithoutPadding() {
        assertEquals("", Totp.secret(new byte[0]));
        assertEquals("MY", Totp.secret("f".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MZXQ", Totp.secret("fo".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MZXW6YTBOI", Totp.secret("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.secret(RFC_SEED));
    }

    @Test
    void uriNamesIssuerAccountAndParameters() {
        assertEquals("otpauth://totp/Sigillum%20TSP:alice%40example.org?secret=ABC&issuer=Sigillum%20TSP"
                + "&algorithm=SHA1&digits=6&period=30", Totp.uri("Sigillum TSP", "alice@example.org", "ABC"));
    }
}
