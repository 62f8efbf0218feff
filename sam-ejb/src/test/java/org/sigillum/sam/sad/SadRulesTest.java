package org.sigillum.sam.sad;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.sam.sad.SadRules.Rule;

class SadRulesTest {

    private static final String SHA256 = DigestAlgorithm.SHA256.oid();
    private static final SignatureScheme ECDSA = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
    private static final byte[] H1 = filled(1);
    private static final byte[] H2 = filled(2);
    private static final KeyBinding KEY = new KeyBinding("cred-1", "user-1");
    private static final TokenPrincipal OWNER = new TokenPrincipal("user-1", "client", Set.of("service"));

    private static byte[] filled(int value) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) value);
        return hash;
    }

    static SadGrant grant(String scal, int numSignatures, Instant authenticatedAt, byte[]... hashes) {
        List<String> encoded = Arrays.stream(hashes).map(Base64.getEncoder()::encodeToString).toList();
        return new SadGrant("cred-1", "user-1", "client", scal, SHA256, encoded, numSignatures, List.of("PIN"),
                authenticatedAt);
    }

    private static SadRecord sad(String scal, int numSignatures, byte[]... hashes) {
        return new SadRecord(grant(scal, numSignatures, Instant.now(), hashes), Instant.now().plusSeconds(300));
    }

    private static Rule refusal(SadRecord sad, KeyBinding key, SignatureScheme scheme, String hashOid, List<byte[]> hashes) {
        return assertThrows(SadRefusal.class, () -> SadRules.check(sad, key, scheme, hashOid, hashes)).rule();
    }

    private static Rule callerRefusal(TokenPrincipal caller, String credentialId) {
        return assertThrows(SadRefusal.class,
                () -> SadRules.requireIssuedTo(sad("2", 1, H1).grant(), caller, credentialId)).rule();
    }

    @Test
    void authorizedHashesOfTheRightUserAndCredentialPass() {
        assertDoesNotThrow(() -> SadRules.requireIssuedTo(sad("2", 1, H1).grant(), OWNER, "cred-1"));
        assertDoesNotThrow(() -> SadRules.check(sad("2", 2, H1, H2), KEY, ECDSA, SHA256, List.of(H2, H1)));
        assertDoesNotThrow(() -> SadRules.check(sad("2", 2, H1, H2), KEY, ECDSA, null, List.of(H1)));
    }

    @Test
    void a2UnauthorizedOrRepeatedHashesAreRefused() {
        assertEquals(Rule.UNAUTHORIZED_HASH, refusal(sad("2", 1, H1), KEY, ECDSA, SHA256, List.of(H2)));
        assertEquals(Rule.UNAUTHORIZED_HASH, refusal(sad("2", 2, H1, H2), KEY, ECDSA, SHA256, List.of(H1, H1)));
        assertEquals(Rule.SIGNATURE_COUNT, refusal(sad("2", 1, H1), KEY, ECDSA, SHA256, List.of(H1, H2)));
        assertEquals(ErrorCode.INVALID_HASH, Rule.UNAUTHORIZED_HASH.code());
    }

    @Test
    void a2Scal1BudgetIsEnforcedAndAnyHashIsAllowedWhenNoneWasShown() {
        assertDoesNotThrow(() -> SadRules.check(sad("1", 2), KEY, ECDSA, SHA256, List.of(H1, H2)));
        assertEquals(Rule.SIGNATURE_COUNT, refusal(sad("1", 2), KEY, ECDSA, SHA256, List.of(H1, H2, H1)));
    }

    @Test
    void a12Scal1HashesTheUserApprovedBindToo() {
        assertDoesNotThrow(() -> SadRules.check(sad("1", 1, H1), KEY, ECDSA, SHA256, List.of(H1)));
        assertEquals(Rule.UNAUTHORIZED_HASH, refusal(sad("1", 1, H1), KEY, ECDSA, SHA256, List.of(H2)));
        assertEquals(Rule.UNAUTHORIZED_HASH, refusal(sad("1", 2, H1, H2), KEY, ECDSA, SHA256, List.of(H2, H2)));
    }

    @Test
    void a2Scal2WithoutHashesSignsNothing() {
        assertEquals(Rule.UNAUTHORIZED_HASH, refusal(sad("2", 1), KEY, ECDSA, SHA256, List.of(H1)));
    }

    @Test
    void a3AnotherCredentialIsRefusedAndSaysSo() {
        assertEquals(Rule.OTHER_CREDENTIAL, callerRefusal(OWNER, "cred-2"));
        assertEquals(Rule.OTHER_CREDENTIAL, refusal(sad("2", 1, H1), new KeyBinding("cred-2", "user-1"), ECDSA, SHA256,
                List.of(H1)));
        SadRefusal refusal = assertThrows(SadRefusal.class,
                () -> SadRules.requireIssuedTo(sad("2", 1, H1).grant(), OWNER, "cred-2"));
        assertTrue(refusal.getMessage().contains("(A3)"), refusal.getMessage());
    }

    @Test
    void a4AnotherUserIsRefusedAndSaysSo() {
        assertEquals(Rule.OTHER_USER, callerRefusal(new TokenPrincipal("user-2", "client", Set.of("service")), "cred-1"));
        assertEquals(Rule.OTHER_USER, callerRefusal(null, "cred-1"));
        assertEquals(Rule.OTHER_CREDENTIAL, refusal(sad("2", 1, H1), new KeyBinding("cred-1", "user-2"), ECDSA, SHA256,
                List.of(H1)));
        SadRefusal refusal = assertThrows(SadRefusal.class, () -> SadRules.requireIssuedTo(sad("2", 1, H1).grant(),
                new TokenPrincipal("user-2", "client", Set.of("service")), "cred-1"));
        assertTrue(refusal.getMessage().contains("(A4)"), refusal.getMessage());
    }

    @Test
    void a12AnotherClientApplicationIsRefused() {
        assertEquals(Rule.OTHER_CLIENT, callerRefusal(new TokenPrincipal("user-1", "other", Set.of("service")), "cred-1"));
        assertEquals(Rule.OTHER_CLIENT, callerRefusal(new TokenPrincipal("user-1", null, Set.of("service")), "cred-1"));
    }

    @Test
    void a6AnotherHashAlgorithmOrAWrongLengthIsRefused() {
        SignatureScheme sha384 = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA384);
        assertEquals(Rule.HASH_ALGORITHM, refusal(sad("2", 1, H1), KEY, sha384, DigestAlgorithm.SHA384.oid(),
                List.of(new byte[48])));
        assertEquals(Rule.HASH_ALGORITHM, refusal(sad("2", 1, H1), KEY, ECDSA, DigestAlgorithm.SHA384.oid(), List.of(H1)));
        assertEquals(Rule.HASH_LENGTH, refusal(sad("1", 1), KEY, ECDSA, SHA256, List.of(new byte[20])));
    }

    @Test
    void noHashesAreRefused() {
        assertEquals(Rule.SIGNATURE_COUNT, refusal(sad("1", 1), KEY, ECDSA, SHA256, List.of()));
    }

    @Test
    void a5ExtendingIsRefusedOnceTheAuthenticationIsTooOld() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        assertDoesNotThrow(() -> SadRules.requireExtendable(grant("1", 1, now.minusSeconds(3599)), now, 3600));
        assertDoesNotThrow(() -> SadRules.requireExtendable(grant("1", 1, now.minusSeconds(3600)), now, 3600));
        assertEquals(Rule.TOO_OLD_TO_EXTEND, assertThrows(SadRefusal.class,
                () -> SadRules.requireExtendable(grant("1", 1, now.minusSeconds(3601)), now, 3600)).rule());
    }

    @Test
    void a5SadExpiresAtItsTime() {
        Instant expiry = Instant.parse("2026-01-01T12:05:00Z");
        SadRecord record = new SadRecord(grant("1", 1, expiry.minusSeconds(300)), expiry);
        assertFalse(record.expiredAt(expiry.minusMillis(1)));
        assertTrue(record.expiredAt(expiry));
        assertTrue(record.expiredAt(expiry.plusSeconds(1)));
    }

    @Test
    void sadKeysAreDigestsAndValuesAreLongAndRandom() {
        String value = SadStore.newValue();
        assertEquals(43, value.length(), "256 bits, base64url");
        assertEquals(64, SadStore.key(value).length());
        assertNotEquals(value, SadStore.newValue());
        assertFalse(SadStore.key(value).contains(value));
    }
}
