package org.sigillum.hsm.adapter.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.InvalidKeyRequestException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeyBindingException;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SealedSecret;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/** Sealed shared secrets (TOTP seeds) and HMAC-SHA1 under them, against the real SoftHSM2 unit token. */
class SealedSecretTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] RFC6238_SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** RFC 6238 Appendix B, SHA-1 rows: Unix time and the 8-digit TOTP. */
    private static final long[] RFC6238_TIMES = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
    private static final String[] RFC6238_CODES = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};

    private static TokenContext token;

    @BeforeAll
    static void openToken() throws HsmException {
        token = UnitToken.open();
    }

    // ---- HMAC computed in the HSM is the HMAC of the seed ----

    @Test
    void hmacOfTheRfc6238CountersGivesTheRfcCodes() throws Exception {
        List<byte[]> counters = new ArrayList<>();
        for (long time : RFC6238_TIMES) {
            counters.add(ByteBuffer.allocate(Long.BYTES).putLong(time / 30).array());
        }
        try (TokenSession session = token.openSession()) {
            SealedSecret sealed = session.sealSecret(RFC6238_SHA1_SEED, totpBinding("alice"));
            List<byte[]> macs = session.hmacSha1(sealed, counters);

            assertEquals(counters.size(), macs.size());
            for (int i = 0; i < counters.size(); i++) {
                assertArrayEquals(jcaHmacSha1(RFC6238_SHA1_SEED, counters.get(i)), macs.get(i), "counter " + i);
                assertEquals(RFC6238_CODES[i], totp8(macs.get(i)), "time " + RFC6238_TIMES[i]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {CallLimits.MIN_SECRET_BYTES, 32, CallLimits.MAX_SECRET_BYTES})
    void hmacUnderSecretsOfTheAllowedLengthsMatchesJca(int length) throws Exception {
        byte[] seed = randomBytes(length);
        List<byte[]> messages = List.of(randomBytes(1), randomBytes(8), randomBytes(CallLimits.MAX_MESSAGE_BYTES));
        try (TokenSession session = token.openSession()) {
            List<byte[]> macs = session.hmacSha1(session.sealSecret(seed, totpBinding("bob")), messages);
            for (int i = 0; i < messages.size(); i++) {
                assertArrayEquals(jcaHmacSha1(seed, messages.get(i)), macs.get(i), "message " + i);
            }
        }
    }

    @Test
    void sealedSecretIsUsableFromAnotherSession() throws Exception {
        byte[] seed = randomBytes(20);
        byte[] counter = randomBytes(8);
        SealedSecret sealed;
        try (TokenSession first = token.openSession()) {
            sealed = first.sealSecret(seed, totpBinding("carol"));
        }
        try (TokenSession second = token.openSession()) {
            assertArrayEquals(jcaHmacSha1(seed, counter), second.hmacSha1(sealed, List.of(counter)).get(0));
        }
    }

    // ---- what a database dump holds ----

    @Test
    void blobHoldsNoPartOfTheSeed() throws HsmException {
        byte[] seed = randomBytes(20);
        try (TokenSession session = token.openSession()) {
            for (byte[] secret : List.of(seed, RFC6238_SHA1_SEED)) {
                SealedSecret sealed = session.sealSecret(secret, totpBinding("dave"));
                byte[] blob = sealed.blob();
                for (int start = 0; start + 6 <= secret.length; start++) {
                    byte[] window = Arrays.copyOfRange(secret, start, start + 6);
                    assertEquals(-1, indexOf(blob, window), "blob contains seed bytes " + start + "..");
                    assertEquals(-1, indexOf(sealed.bindingTag(), window), "tag contains seed bytes " + start + "..");
                }
            }
        }
    }

    // ---- a sealed secret works only for the binding it was sealed for ----

    @Test
    void tagOfAnotherBindingIsRefused() throws Exception {
        try (TokenSession session = token.openSession()) {
            SealedSecret alice = session.sealSecret(randomBytes(20), totpBinding("alice"));
            SealedSecret mallory = session.sealSecret(randomBytes(20), totpBinding("mallory"));

            assertRefused(session, new SealedSecret(alice.binding(), alice.wrappingKeyLabel(), alice.blob(),
                    mallory.bindingTag()));
            assertRefused(session, new SealedSecret(mallory.binding(), alice.wrappingKeyLabel(), alice.blob(),
                    alice.bindingTag()));
        }
    }

    @Test
    void secretPresentedForAnotherCredentialOrOwnerIsRefused() throws Exception {
        try (TokenSession session = token.openSession()) {
            SealedSecret genuine = session.sealSecret(randomBytes(20), totpBinding("erin"));
            KeyBinding otherCredential = new KeyBinding("totp:erin-2", genuine.binding().ownerId());
            KeyBinding otherOwner = new KeyBinding(genuine.binding().credentialId(), "frank");

            for (KeyBinding binding : List.of(otherCredential, otherOwner)) {
                assertRefused(session, new SealedSecret(binding, genuine.wrappingKeyLabel(), genuine.blob(),
                        genuine.bindingTag()));
            }
        }
    }

    @Test
    void blobWithOneByteFlippedIsRefused() throws Exception {
        try (TokenSession session = token.openSession()) {
            SealedSecret genuine = session.sealSecret(randomBytes(20), totpBinding("grace"));
            for (int index : new int[] {0, genuine.blob().length / 2, genuine.blob().length - 1}) {
                byte[] blob = genuine.blob();
                blob[index] ^= 0x01;
                assertRefused(session, new SealedSecret(genuine.binding(), genuine.wrappingKeyLabel(), blob,
                        genuine.bindingTag()));
            }
        }
    }

    @Test
    void tagWithOneByteFlippedIsRefused() throws Exception {
        try (TokenSession session = token.openSession()) {
            SealedSecret genuine = session.sealSecret(randomBytes(20), totpBinding("heidi"));
            byte[] tag = genuine.bindingTag();
            tag[tag.length - 1] ^= (byte) 0x80;
            assertRefused(session, new SealedSecret(genuine.binding(), genuine.wrappingKeyLabel(), genuine.blob(), tag));
        }
    }

    @Test
    void otherWrappingKeyLabelIsRefused() throws Exception {
        try (TokenSession session = token.openSession()) {
            SealedSecret genuine = session.sealSecret(randomBytes(20), totpBinding("ivan"));
            assertRefused(session, new SealedSecret(genuine.binding(), "another-wrap", genuine.blob(),
                    genuine.bindingTag()));
        }
    }

    @Test
    void wrappedKeyWithItsTagDoesNotPassForASealedSecret() throws Exception {
        KeyBinding binding = totpBinding("judy");
        try (TokenSession session = token.openSession()) {
            WrappedKey key = session.generateKeyPair(KeySpec.ec(EcCurve.P256), binding).wrappedKey();

            assertRefused(session, new SealedSecret(key.binding(), key.wrappingKeyLabel(), key.blob(), key.bindingTag()));
        }
    }

    @Test
    void sealedSecretWithItsTagDoesNotPassForAWrappedKey() throws Exception {
        KeyBinding binding = totpBinding("ken");
        try (TokenSession session = token.openSession()) {
            SealedSecret sealed = session.sealSecret(randomBytes(32), binding);
            int before = session.selfTest().sessionObjects();

            for (KeySpec spec : List.of(KeySpec.ec(EcCurve.P256), KeySpec.rsa(2048))) {
                SignatureScheme scheme = spec.curve() != null ? new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256)
                        : new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256);
                WrappedKey forged = new WrappedKey(binding, spec, sealed.wrappingKeyLabel(), sealed.blob(),
                        sealed.bindingTag());
                assertThrows(KeyBindingException.class,
                        () -> session.unwrapAndSign(forged, scheme, List.of(randomBytes(32)), KeyCachePolicy.NONE));
            }
            assertEquals(before, session.selfTest().sessionObjects());
        }
    }

    // ---- requests refused before the HSM is asked ----

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 16, CallLimits.MIN_SECRET_BYTES - 1, CallLimits.MAX_SECRET_BYTES + 1})
    void secretOfTheWrongLengthIsRefused(int length) throws HsmException {
        try (TokenSession session = token.openSession()) {
            assertThrows(InvalidKeyRequestException.class, () -> session.sealSecret(new byte[length], totpBinding("x")));
        }
    }

    @Test
    void missingSecretIsRefused() throws HsmException {
        try (TokenSession session = token.openSession()) {
            assertThrows(InvalidKeyRequestException.class, () -> session.sealSecret(null, totpBinding("x")));
        }
    }

    @Test
    void noMessagesTooManyMessagesOrAMessageTooLongOrEmptyAreRefused() throws HsmException {
        try (TokenSession session = token.openSession()) {
            SealedSecret sealed = session.sealSecret(randomBytes(20), totpBinding("leo"));
            List<byte[]> withNull = new ArrayList<>();
            withNull.add(null);
            for (List<byte[]> messages : List.of(List.<byte[]>of(),
                    Collections.nCopies(CallLimits.MAX_MESSAGES_PER_CALL + 1, randomBytes(8)),
                    List.of(randomBytes(8), randomBytes(CallLimits.MAX_MESSAGE_BYTES + 1)),
                    List.of(randomBytes(8), new byte[0]), withNull)) {
                assertThrows(InvalidKeyRequestException.class, () -> session.hmacSha1(sealed, messages),
                        messages.size() + " messages");
            }
            assertThrows(InvalidKeyRequestException.class, () -> session.hmacSha1(sealed, null));
            assertEquals(CallLimits.MAX_MESSAGES_PER_CALL,
                    session.hmacSha1(sealed, Collections.nCopies(CallLimits.MAX_MESSAGES_PER_CALL, randomBytes(8))).size());
        }
    }

    // ---- no clear seed stays behind in the HSM ----

    @Test
    void sealingAndHmacLeaveNoSessionObjectsAlsoWhenRefused() throws HsmException {
        try (TokenSession session = token.openSession()) {
            int before = session.selfTest().sessionObjects();

            SealedSecret sealed = session.sealSecret(randomBytes(20), totpBinding("mike"));
            assertEquals(before, session.selfTest().sessionObjects(), "after sealing");

            session.hmacSha1(sealed, List.of(randomBytes(8), randomBytes(8)));
            assertEquals(before, session.selfTest().sessionObjects(), "after HMAC");

            byte[] blob = sealed.blob();
            blob[0] ^= 0x01;
            SealedSecret forged = new SealedSecret(sealed.binding(), sealed.wrappingKeyLabel(), blob, sealed.bindingTag());
            assertThrows(KeyBindingException.class, () -> session.hmacSha1(forged, List.of(randomBytes(8))));
            assertEquals(before, session.selfTest().sessionObjects(), "after a refused HMAC");

            assertEquals(1, session.hmacSha1(sealed, List.of(randomBytes(8))).size(), "the session still works");
            assertEquals(before, session.selfTest().sessionObjects(), "after the next HMAC");
        }
    }

    // ---- helpers ----

    private static KeyBinding totpBinding(String user) {
        String userId = user + "-" + UUID.randomUUID();
        return new KeyBinding("totp:" + userId, userId);
    }

    /** Refused for its binding, and nothing unwrapped stays behind. */
    private static void assertRefused(TokenSession session, SealedSecret forged) throws HsmException {
        int before = session.selfTest().sessionObjects();
        assertThrows(KeyBindingException.class, () -> session.hmacSha1(forged, List.of(randomBytes(8))));
        assertEquals(before, session.selfTest().sessionObjects());
    }

    private static byte[] jcaHmacSha1(byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(message);
    }

    /** RFC 4226 dynamic truncation to 8 digits. */
    private static String totp8(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0F;
        int binary = ((hmac[offset] & 0x7F) << 24) | ((hmac[offset + 1] & 0xFF) << 16)
                | ((hmac[offset + 2] & 0xFF) << 8) | (hmac[offset + 3] & 0xFF);
        return String.format("%08d", binary % 100_000_000);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
