package org.sigillum.hsm.adapter.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmStatus;
import org.sigillum.hsm.InvalidKeyRequestException;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeyBindingException;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeyCacheStatistics;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/** TokenSession against the real SoftHSM2 unit token; see {@link UnitToken}. */
class TokenSessionTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeySpec RSA_2048 = KeySpec.rsa(2048);
    private static final KeySpec P256 = KeySpec.ec(EcCurve.P256);
    private static final KeyCachePolicy ONE_SECOND = new KeyCachePolicy(Duration.ofSeconds(1), 100);
    private static final KeyCachePolicy ONE_MINUTE = new KeyCachePolicy(Duration.ofMinutes(1), 100);

    /** Shared by the tests that do not cache, so its key cache stays empty. */
    private static TokenContext token;
    private static final Map<KeySpec, GeneratedKey> KEYS = new LinkedHashMap<>();

    @BeforeAll
    static void generateKeys() throws HsmException {
        token = UnitToken.open();
        try (TokenSession session = token.openSession()) {
            for (KeySpec spec : List.of(RSA_2048, P256, KeySpec.ec(EcCurve.P384), KeySpec.ec(EcCurve.P521))) {
                KEYS.put(spec, session.generateKeyPair(spec, newBinding()));
            }
        }
    }

    static Stream<KeySpec> keySpecs() {
        return Stream.of(RSA_2048, P256, KeySpec.ec(EcCurve.P384), KeySpec.ec(EcCurve.P521));
    }

    static Stream<Arguments> curvesAndDigests() {
        return Stream.of(EcCurve.values())
                .flatMap(curve -> Stream.of(DigestAlgorithm.values()).map(digest -> Arguments.of(curve, digest)));
    }

    // ---- key generation ----

    @ParameterizedTest
    @MethodSource("keySpecs")
    void generatedPublicKeyIsASubjectPublicKeyInfoThatJcaAccepts(KeySpec spec) throws GeneralSecurityException {
        PublicKey publicKey = publicKey(KEYS.get(spec));

        if (spec.algorithm() == KeyAlgorithm.RSA) {
            RSAPublicKey rsa = assertInstanceOf(RSAPublicKey.class, publicKey);
            assertEquals(spec.rsaBits(), rsa.getModulus().bitLength());
        } else {
            ECPublicKey ec = assertInstanceOf(ECPublicKey.class, publicKey);
            assertEquals(spec.lengthBits(), ec.getParams().getCurve().getField().getFieldSize());
        }
    }

    @Test
    void b3_generateKeyPairLeavesNoSessionObjects() throws HsmException {
        try (TokenSession session = token.openSession()) {
            int before = session.selfTest().sessionObjects();
            session.generateKeyPair(P256, newBinding());
            assertEquals(before, session.selfTest().sessionObjects());
        }
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void b1_wrappedBlobIsNotAPlaintextPrivateKey(KeyAlgorithm algorithm) throws Exception {
        GeneratedKey key = KEYS.get(algorithm == KeyAlgorithm.RSA ? RSA_2048 : P256);
        KeyFactory factory = KeyFactory.getInstance(algorithm.name());

        assertThrows(InvalidKeySpecException.class,
                () -> factory.generatePrivate(new PKCS8EncodedKeySpec(key.wrappedKey().blob())));
    }

    // ---- signatures that verify with plain JCA ----

    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void rsaPkcs1SignaturesOfSeveralDigestsVerify(DigestAlgorithm digest) throws Exception {
        assertSignaturesVerify(KEYS.get(RSA_2048), new SignatureScheme.RsaPkcs1(digest), 3);
    }

    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void rsaPssSignaturesOfSeveralDigestsVerify(DigestAlgorithm digest) throws Exception {
        assertSignaturesVerify(KEYS.get(RSA_2048), new SignatureScheme.RsaPss(digest, digest, digest.length()), 3);
    }

    @ParameterizedTest
    @MethodSource("curvesAndDigests")
    void ecdsaSignaturesOfSeveralDigestsVerify(EcCurve curve, DigestAlgorithm digest) throws Exception {
        assertSignaturesVerify(KEYS.get(KeySpec.ec(curve)), new SignatureScheme.Ecdsa(digest), 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {3072, 4096})
    void largerRsaKeySignsAndVerifies(int bits) throws Exception {
        GeneratedKey key;
        try (TokenSession session = token.openSession()) {
            key = session.generateKeyPair(KeySpec.rsa(bits), newBinding());
        }
        assertEquals(bits, ((RSAPublicKey) publicKey(key)).getModulus().bitLength());
        assertSignaturesVerify(key, new SignatureScheme.RsaPss(DigestAlgorithm.SHA256, DigestAlgorithm.SHA256, 32), 2);
    }

    // ---- requests refused before the key is unwrapped ----

    @Test
    void digestOfTheWrongLengthIsRefused() throws HsmException {
        try (TokenSession session = token.openSession()) {
            List<byte[]> digests = List.of(randomBytes(32), randomBytes(31));
            assertThrows(InvalidKeyRequestException.class, () -> session.unwrapAndSign(KEYS.get(RSA_2048).wrappedKey(),
                    new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256), digests, KeyCachePolicy.NONE));
        }
    }

    @Test
    void b4_sha1DigestCannotPassForASha256One() throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(randomBytes(100));
        try (TokenSession session = token.openSession()) {
            assertThrows(InvalidKeyRequestException.class, () -> session.unwrapAndSign(KEYS.get(P256).wrappedKey(),
                    new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256), List.of(sha1), KeyCachePolicy.NONE));
        }
    }

    @Test
    void ecdsaSchemeForAnRsaKeyIsRefused() throws HsmException {
        try (TokenSession session = token.openSession()) {
            assertThrows(InvalidKeyRequestException.class, () -> session.unwrapAndSign(KEYS.get(RSA_2048).wrappedKey(),
                    new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256), List.of(randomBytes(32)), KeyCachePolicy.NONE));
        }
    }

    @Test
    void rsaSchemeForAnEcKeyIsRefused() throws HsmException {
        try (TokenSession session = token.openSession()) {
            assertThrows(InvalidKeyRequestException.class, () -> session.unwrapAndSign(KEYS.get(P256).wrappedKey(),
                    new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256), List.of(randomBytes(32)), KeyCachePolicy.NONE));
        }
    }

    @Test
    void noDigestsIsRefused() throws HsmException {
        try (TokenSession session = token.openSession()) {
            assertThrows(InvalidKeyRequestException.class, () -> session.unwrapAndSign(KEYS.get(P256).wrappedKey(),
                    new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256), List.of(), KeyCachePolicy.NONE));
        }
    }

    @Test
    void moreDigestsThanOneCallAllowsIsRefused() throws HsmException {
        List<byte[]> digests = Collections.nCopies(CallLimits.MAX_DIGESTS_PER_CALL + 1, randomBytes(32));
        try (TokenSession session = token.openSession()) {
            assertThrows(InvalidKeyRequestException.class, () -> session.unwrapAndSign(KEYS.get(P256).wrappedKey(),
                    new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256), digests, KeyCachePolicy.NONE));
        }
    }

    // ---- A10: a user's key signs only on the SAM's path, a key of the service only on its own ----

    @Test
    void a10UserKeyIsRefusedOnTheServicePathAlsoWhenCached() throws Exception {
        GeneratedKey user = KEYS.get(P256);
        SignatureScheme scheme = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
        try (TokenSession session = token.openSession()) {
            KeyBindingException refused = assertThrows(KeyBindingException.class, () -> session.signWithServiceKey(
                    user.wrappedKey(), scheme, List.of(randomBytes(32)), KeyCachePolicy.NONE));
            assertEquals("a user's key signs only through the SAM", refused.getMessage());
            sign(session, user, scheme, ONE_MINUTE);
            assertThrows(KeyBindingException.class, () -> session.signWithServiceKey(user.wrappedKey(), scheme,
                    List.of(randomBytes(32)), ONE_MINUTE));
            session.evictCachedKey(user.wrappedKey().binding().credentialId());
        }
    }

    @Test
    void a10ServiceKeySignsOnlyOnItsOwnPath() throws Exception {
        SignatureScheme scheme = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
        try (TokenSession session = token.openSession()) {
            GeneratedKey ca = session.generateKeyPair(P256, new KeyBinding("ca:" + UUID.randomUUID(),
                    KeyBinding.SERVICE_OWNER_PREFIX + "ca"));
            KeyBindingException refused = assertThrows(KeyBindingException.class, () -> session.unwrapAndSign(
                    ca.wrappedKey(), scheme, List.of(randomBytes(32)), KeyCachePolicy.NONE));
            assertEquals("a key of the service signs only through signWithServiceKey", refused.getMessage());
            byte[] message = randomBytes(64);
            byte[] signature = session.signWithServiceKey(ca.wrappedKey(), scheme,
                    List.of(MessageDigest.getInstance("SHA-256").digest(message)), KeyCachePolicy.NONE).get(0);
            assertTrue(verifies(ca, scheme, message, signature));
        }
    }

    @Test
    void a10UserKeyRelabelledAsTheServicesIsRefusedAsForged() throws Exception {
        WrappedKey user = KEYS.get(P256).wrappedKey();
        WrappedKey relabelled = new WrappedKey(new KeyBinding(user.binding().credentialId(),
                KeyBinding.SERVICE_OWNER_PREFIX + "ca"), user.spec(), user.wrappingKeyLabel(), user.blob(), user.bindingTag());
        try (TokenSession session = token.openSession()) {
            KeyBindingException refused = assertThrows(KeyBindingException.class, () -> session.signWithServiceKey(
                    relabelled, new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256), List.of(randomBytes(32)),
                    KeyCachePolicy.NONE));
            assertTrue(refused.getMessage().startsWith("wrapped key is not bound to credential"), refused.getMessage());
        }
    }

    // ---- B2: a blob only unwraps for the binding it was issued for ----

    @Test
    void b2_blobPresentedForAnotherCredentialIsRefused() throws Exception {
        WrappedKey genuine = KEYS.get(P256).wrappedKey();
        KeyBinding otherCredential = new KeyBinding(UUID.randomUUID().toString(), genuine.binding().ownerId());

        assertRefusedAsForged(new WrappedKey(otherCredential, genuine.spec(), genuine.wrappingKeyLabel(), genuine.blob(),
                genuine.bindingTag()));
    }

    @Test
    void b2_blobPresentedForAnotherOwnerIsRefused() throws Exception {
        WrappedKey genuine = KEYS.get(RSA_2048).wrappedKey();
        KeyBinding otherOwner = new KeyBinding(genuine.binding().credentialId(), "another-owner");

        assertRefusedAsForged(new WrappedKey(otherOwner, genuine.spec(), genuine.wrappingKeyLabel(), genuine.blob(),
                genuine.bindingTag()));
    }

    @Test
    void b2_blobWithOneByteFlippedIsRefused() throws Exception {
        WrappedKey genuine = KEYS.get(P256).wrappedKey();
        byte[] blob = genuine.blob();
        blob[blob.length / 2] ^= 0x01;

        assertRefusedAsForged(new WrappedKey(genuine.binding(), genuine.spec(), genuine.wrappingKeyLabel(), blob,
                genuine.bindingTag()));
    }

    @Test
    void b2_tagOfAnotherKeyIsRefused() throws Exception {
        WrappedKey genuine = KEYS.get(P256).wrappedKey();
        WrappedKey other = KEYS.get(KeySpec.ec(EcCurve.P384)).wrappedKey();

        assertRefusedAsForged(new WrappedKey(genuine.binding(), genuine.spec(), genuine.wrappingKeyLabel(), genuine.blob(),
                other.bindingTag()));
    }

    @Test
    void b2_blobOfAnotherKeyUnderTheSameBindingIsRefused() throws Exception {
        WrappedKey genuine = KEYS.get(P256).wrappedKey();
        WrappedKey replacement;
        try (TokenSession session = token.openSession()) {
            replacement = session.generateKeyPair(P256, genuine.binding()).wrappedKey();
        }

        assertRefusedAsForged(new WrappedKey(genuine.binding(), genuine.spec(), genuine.wrappingKeyLabel(),
                replacement.blob(), genuine.bindingTag()));
    }

    @Test
    void b2_blobClaimingAnotherKeySpecIsRefused() throws Exception {
        WrappedKey genuine = KEYS.get(P256).wrappedKey();

        assertRefusedAsForged(new WrappedKey(genuine.binding(), KeySpec.ec(EcCurve.P384), genuine.wrappingKeyLabel(),
                genuine.blob(), genuine.bindingTag()));
    }

    @Test
    void b2_blobClaimingAnotherWrappingKeyIsRefused() throws Exception {
        WrappedKey genuine = KEYS.get(P256).wrappedKey();

        assertRefusedAsForged(new WrappedKey(genuine.binding(), genuine.spec(), "other-wrap", genuine.blob(),
                genuine.bindingTag()));
    }

    // ---- B3: unwrapped keys are session objects, destroyed after use ----

    @Test
    void b3_withoutCacheTheUnwrappedKeyIsDestroyedAfterSigning() throws Exception {
        try (TokenSession session = token.openSession()) {
            int before = session.selfTest().sessionObjects();
            sign(session, KEYS.get(RSA_2048), new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256), KeyCachePolicy.NONE);
            assertEquals(before, session.selfTest().sessionObjects());
        }
    }

    @Test
    void b3_unwrappedKeyIsDestroyedAlsoWhenSigningFails() throws Exception {
        SignatureScheme saltTooLongForRsa2048 = new SignatureScheme.RsaPss(DigestAlgorithm.SHA512, DigestAlgorithm.SHA512, 512);
        try (TokenSession session = token.openSession()) {
            int before = session.selfTest().sessionObjects();
            HsmException e = assertThrows(HsmException.class, () -> session.unwrapAndSign(KEYS.get(RSA_2048).wrappedKey(),
                    saltTooLongForRsa2048, List.of(randomBytes(64)), KeyCachePolicy.NONE));
            assertFalse(e instanceof InvalidKeyRequestException || e instanceof KeyBindingException,
                    "the token, not the request check, should refuse: " + e);
            assertEquals(before, session.selfTest().sessionObjects());
        }
    }

    @Test
    void b3_cachedKeyStaysUntilItExpiresAndTheSweepDestroysIt() throws Exception {
        TokenContext context = UnitToken.open();
        GeneratedKey key = KEYS.get(P256);
        SignatureScheme scheme = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
        try (TokenSession session = context.openSession()) {
            int before = session.selfTest().sessionObjects();

            sign(session, key, scheme, ONE_SECOND);
            assertEquals(before + 1, session.selfTest().sessionObjects(), "the unwrapped key is cached");
            assertEquals(1, context.keyCache().statistics().misses());

            sign(session, key, scheme, ONE_SECOND);
            assertEquals(1, context.keyCache().statistics().hits());
            assertEquals(before + 1, session.selfTest().sessionObjects(), "a hit unwraps nothing");

            Thread.sleep(1_100);
            context.sweepKeyCache();
            assertEquals(before, session.selfTest().sessionObjects(), "the sweep destroyed the expired key");
            KeyCacheStatistics stats = context.keyCache().statistics();
            assertEquals(1, stats.expirations());
            assertEquals(0, stats.size());
        }
    }

    @Test
    void b3_evictCachedKeyDestroysTheCachedObject() throws Exception {
        TokenContext context = UnitToken.open();
        GeneratedKey key = KEYS.get(RSA_2048);
        try (TokenSession session = context.openSession()) {
            int before = session.selfTest().sessionObjects();
            sign(session, key, new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256), ONE_MINUTE);
            assertEquals(before + 1, session.selfTest().sessionObjects());

            session.evictCachedKey(key.wrappedKey().binding().credentialId());

            assertEquals(before, session.selfTest().sessionObjects());
            assertEquals(1, context.keyCache().statistics().evictions());
        }
    }

    @Test
    void b3_lastAllowedUseDestroysTheCachedObject() throws Exception {
        TokenContext context = UnitToken.open();
        GeneratedKey key = KEYS.get(P256);
        SignatureScheme scheme = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
        KeyCachePolicy threeUses = new KeyCachePolicy(Duration.ofMinutes(1), 3);
        try (TokenSession session = context.openSession()) {
            int before = session.selfTest().sessionObjects();
            sign(session, key, scheme, threeUses);
            sign(session, key, scheme, threeUses);
            assertEquals(before + 1, session.selfTest().sessionObjects());

            sign(session, key, scheme, threeUses);

            assertEquals(before, session.selfTest().sessionObjects());
            KeyCacheStatistics stats = context.keyCache().statistics();
            assertEquals(2, stats.hits());
            assertEquals(1, stats.misses());
        }
    }

    @Test
    void b3_policyOfOneUseCachesNothing() throws Exception {
        TokenContext context = UnitToken.open();
        try (TokenSession session = context.openSession()) {
            int before = session.selfTest().sessionObjects();
            sign(session, KEYS.get(P256), new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256),
                    new KeyCachePolicy(Duration.ofMinutes(1), 1));
            assertEquals(before, session.selfTest().sessionObjects());
            assertEquals(0, context.keyCache().statistics().size());
        }
    }

    // ---- cached keys whose owning session closed ----

    @Test
    void keyCachedByAClosedSessionIsUnwrappedAfreshByTheNext() throws Exception {
        TokenContext context = UnitToken.open();
        GeneratedKey key = KEYS.get(RSA_2048);
        SignatureScheme scheme = new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256);
        try (TokenSession first = context.openSession()) {
            sign(first, key, scheme, ONE_MINUTE);
        }
        try (TokenSession second = context.openSession()) {
            sign(second, key, scheme, ONE_MINUTE);
        }
        KeyCacheStatistics stats = context.keyCache().statistics();
        assertEquals(2, stats.misses());
        assertEquals(0, stats.hits());
    }

    @Test
    void sessionUsingAKeyCachedByAnotherSessionSurvivesThatSessionClosing() throws Exception {
        TokenContext context = UnitToken.open();
        GeneratedKey key = KEYS.get(P256);
        SignatureScheme scheme = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA384);
        try (TokenSession b = context.openSession()) {
            int before = b.selfTest().sessionObjects();
            try (TokenSession a = context.openSession()) {
                sign(a, key, scheme, ONE_MINUTE);
                sign(b, key, scheme, ONE_MINUTE);
                assertEquals(1, context.keyCache().statistics().hits(), "B used the object A unwrapped");
            }
            assertEquals(before, b.selfTest().sessionObjects(), "A's cached object vanished with A");

            sign(b, key, scheme, ONE_MINUTE);

            KeyCacheStatistics stats = context.keyCache().statistics();
            assertEquals(2, stats.misses(), "B unwrapped afresh");
            assertEquals(1, stats.hits());
            assertEquals(before + 1, b.selfTest().sessionObjects(), "B's own unwrapped key is cached now");
        }
    }

    // ---- random and self-test ----

    @Test
    void randomBytesHaveTheAskedLengthAndDiffer() throws HsmException {
        try (TokenSession session = token.openSession()) {
            byte[] first = session.randomBytes(32);
            byte[] second = session.randomBytes(32);
            assertEquals(32, first.length);
            assertEquals(32, second.length);
            assertFalse(Arrays.equals(first, second));
        }
    }

    @Test
    void pepperIsAKeyedDigestThatNeverChangesForTheSameSecret() throws HsmException {
        try (TokenSession session = token.openSession()) {
            byte[] pin = "246810".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] first = session.pepper(pin);
            assertEquals(32, first.length);
            assertArrayEquals(first, session.pepper(pin));
            assertFalse(Arrays.equals(first, session.pepper("246811".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertThrows(InvalidKeyRequestException.class, () -> session.pepper(new byte[0]));
        }
    }

    @Test
    void randomBytesOfLengthZeroIsRefused() throws HsmException {
        try (TokenSession session = token.openSession()) {
            assertThrows(InvalidKeyRequestException.class, () -> session.randomBytes(0));
        }
    }

    @Test
    void selfTestReportsTheTokenAndItsSignatureAlgorithms() throws HsmException {
        try (TokenSession session = token.openSession()) {
            HsmStatus status = session.selfTest();
            assertEquals(UnitToken.config().tokenLabel(), status.tokenLabel());
            assertEquals(List.of(UnitToken.WRAPPING_KEY_LABEL, UnitToken.BINDING_KEY_LABEL, UnitToken.PEPPER_KEY_LABEL),
                    status.tokenKeyLabels());
            assertTrue(status.signatureAlgorithmOids().contains("1.2.840.113549.1.1.11"), status.signatureAlgorithmOids()::toString);
            assertTrue(status.signatureAlgorithmOids().contains("1.2.840.10045.4.3.2"), status.signatureAlgorithmOids()::toString);
        }
    }

    // ---- helpers ----

    private static KeyBinding newBinding() {
        return new KeyBinding(UUID.randomUUID().toString(), "owner-" + UUID.randomUUID());
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Refused with the cache off, and also while the genuine key sits in the cache: a hit skips no check. */
    private static void assertRefusedAsForged(WrappedKey forged) throws Exception {
        SignatureScheme scheme = forged.spec().algorithm() == KeyAlgorithm.RSA
                ? new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256) : new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
        KeyCachePolicy cached = new KeyCachePolicy(Duration.ofMinutes(1), 100);
        try (TokenSession session = token.openSession()) {
            assertThrows(KeyBindingException.class,
                    () -> session.unwrapAndSign(forged, scheme, List.of(randomBytes(32)), KeyCachePolicy.NONE));
            GeneratedKey genuine = KEYS.values().stream().filter(k -> Arrays.equals(k.wrappedKey().blob(), forged.blob())
                    || k.wrappedKey().binding().equals(forged.binding())).findFirst().orElseThrow();
            sign(session, genuine, scheme, cached);
            assertThrows(KeyBindingException.class,
                    () -> session.unwrapAndSign(forged, scheme, List.of(randomBytes(32)), cached));
            session.evictCachedKey(genuine.wrappedKey().binding().credentialId());
        }
    }

    /** Signs the digests of {@code count} random messages in one call and checks each signature with plain JCA. */
    private static void assertSignaturesVerify(GeneratedKey key, SignatureScheme scheme, int count) throws Exception {
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] message = randomBytes(100 + i);
            messages.add(message);
            digests.add(MessageDigest.getInstance(scheme.digest().jcaName()).digest(message));
        }
        List<byte[]> signatures;
        try (TokenSession session = token.openSession()) {
            signatures = session.unwrapAndSign(key.wrappedKey(), scheme, digests, KeyCachePolicy.NONE);
        }
        assertEquals(count, signatures.size());
        for (int i = 0; i < count; i++) {
            assertTrue(verifies(key, scheme, messages.get(i), signatures.get(i)), "signature " + i + " does not verify");
        }
    }

    /** Signs one random message and checks the signature. */
    private static void sign(TokenSession session, GeneratedKey key, SignatureScheme scheme, KeyCachePolicy policy)
            throws Exception {
        byte[] message = randomBytes(64);
        byte[] digest = MessageDigest.getInstance(scheme.digest().jcaName()).digest(message);
        List<byte[]> signatures = session.unwrapAndSign(key.wrappedKey(), scheme, List.of(digest), policy);
        assertEquals(1, signatures.size());
        assertTrue(verifies(key, scheme, message, signatures.get(0)), "signature does not verify");
    }

    private static boolean verifies(GeneratedKey key, SignatureScheme scheme, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier;
        String digestName = scheme.digest().name();
        if (scheme instanceof SignatureScheme.RsaPss pss) {
            verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec(pss.digest().jcaName(), "MGF1",
                    new MGF1ParameterSpec(pss.mgfDigest().jcaName()), pss.saltLength(), PSSParameterSpec.TRAILER_FIELD_BC));
        } else if (scheme instanceof SignatureScheme.RsaPkcs1) {
            verifier = Signature.getInstance(digestName + "withRSA");
        } else {
            verifier = Signature.getInstance(digestName + "withECDSA");
        }
        verifier.initVerify(publicKey(key));
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static PublicKey publicKey(GeneratedKey key) throws GeneralSecurityException {
        String algorithm = key.wrappedKey().spec().algorithm().name();
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(key.subjectPublicKeyInfo()));
    }
}
