package org.sigillum.sam.sad;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.SignatureScheme;

class SadRulesTest {

    private static final String SHA256 = DigestAlgorithm.SHA256.oid();
    private static final SignatureScheme ECDSA = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
    private static final byte[] H1 = filled(1);
    private static final byte[] H2 = filled(2);
    private static final KeyBinding KEY = new KeyBinding("cred-1", "user-1");

    private static byte[] filled(int value) {
        byte[] hash = new byte[32];
        java.util.Arrays.fill(hash, (byte) value);
        return hash;
    }

    private static SadRecord sad(String scal, int numSignatures, byte[]... hashes) {
        List<String> encoded = java.util.Arrays.stream(hashes).map(Base64.getEncoder()::encodeToString).toList();
        return new SadRecord(new SadGrant("cred-1", "user-1", "client", scal, SHA256, encoded, numSignatures,
                List.of("PIN"), Instant.now()), Instant.now().plusSeconds(300));
    }

    private static ErrorCode refusal(SadRecord sad, String caller, KeyBinding key, SignatureScheme scheme, String hashOid,
                                     List<byte[]> hashes) {
        return assertThrows(ServiceException.class, () -> SadRules.check(sad, caller, key, scheme, hashOid, hashes)).code();
    }

    @Test
    void authorizedHashesOfTheRightUserAndCredentialPass() {
        assertDoesNotThrow(() -> SadRules.check(sad("2", 2, H1, H2), "user-1", KEY, ECDSA, SHA256, List.of(H2, H1)));
        assertDoesNotThrow(() -> SadRules.check(sad("2", 2, H1, H2), "user-1", KEY, ECDSA, null, List.of(H1)));
    }

    @Test
    void a2UnauthorizedOrRepeatedHashesAreRefused() {
        assertEquals(ErrorCode.INVALID_HASH, refusal(sad("2", 1, H1), "user-1", KEY, ECDSA, SHA256, List.of(H2)));
        assertEquals(ErrorCode.INVALID_HASH, refusal(sad("2", 2, H1, H2), "user-1", KEY, ECDSA, SHA256, List.of(H1, H1)));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("2", 1, H1), "user-1", KEY, ECDSA, SHA256, List.of(H1, H2)));
    }

    @Test
    void a2Scal1BudgetIsEnforcedButAnyHashIsAllowed() {
        assertDoesNotThrow(() -> SadRules.check(sad("1", 2), "user-1", KEY, ECDSA, SHA256, List.of(H1, H2)));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("1", 2), "user-1", KEY, ECDSA, SHA256, List.of(H1, H2, H1)));
    }

    @Test
    void a3AnotherCredentialIsRefused() {
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("2", 1, H1), "user-1", new KeyBinding("cred-2", "user-1"), ECDSA,
                SHA256, List.of(H1)));
    }

    @Test
    void a4AnotherCallerOrOwnerIsRefused() {
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("2", 1, H1), "user-2", KEY, ECDSA, SHA256, List.of(H1)));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("2", 1, H1), "user-1", new KeyBinding("cred-1", "user-2"), ECDSA,
                SHA256, List.of(H1)));
    }

    @Test
    void a6AnotherHashAlgorithmOrAWrongLengthIsRefused() {
        SignatureScheme sha384 = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA384);
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("2", 1, H1), "user-1", KEY, sha384, DigestAlgorithm.SHA384.oid(),
                List.of(new byte[48])));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("2", 1, H1), "user-1", KEY, ECDSA, DigestAlgorithm.SHA384.oid(),
                List.of(H1)));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("1", 1), "user-1", KEY, ECDSA, SHA256, List.of(new byte[20])));
    }

    @Test
    void noHashesAreRefused() {
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(sad("1", 1), "user-1", KEY, ECDSA, SHA256, List.of()));
    }

    @Test
    void sadKeysAreDigestsAndValuesAreLongAndRandom() {
        String value = SadStore.newValue();
        assertEquals(43, value.length(), "256 bits, base64url");
        assertEquals(64, SadStore.key(value).length());
        org.junit.jupiter.api.Assertions.assertNotEquals(value, SadStore.newValue());
        org.junit.jupiter.api.Assertions.assertFalse(SadStore.key(value).contains(value));
    }
}
