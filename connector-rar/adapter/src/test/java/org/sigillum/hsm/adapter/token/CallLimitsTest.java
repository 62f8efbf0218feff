package org.sigillum.hsm.adapter.token;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.InvalidKeyRequestException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/** The checks that run before a session's lock is taken; the token tests show the same refusals end to end. */
class CallLimitsTest {

    private static final WrappedKey EC_KEY = new WrappedKey(new KeyBinding("c", "u"), KeySpec.ec(EcCurve.P256), "w",
            new byte[1], new byte[1]);

    @Test
    void aSchemeMustFitTheKey() {
        InvalidKeyRequestException e = assertThrows(InvalidKeyRequestException.class, () -> CallLimits.checkSignature(
                EC_KEY, new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256), List.of(new byte[32])));
        assertEquals("RsaPkcs1 does not fit a EC key", e.getMessage());
    }

    @Test
    void digestsAreCountedAndSized() {
        SignatureScheme ecdsa = new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
        assertDoesNotThrow(() -> CallLimits.checkSignature(EC_KEY, ecdsa,
                Collections.nCopies(CallLimits.MAX_DIGESTS_PER_CALL, new byte[32])));
        assertEquals("between 1 and 1024 digests per call", assertThrows(InvalidKeyRequestException.class,
                () -> CallLimits.checkSignature(EC_KEY, ecdsa, List.of())).getMessage());
        assertThrows(InvalidKeyRequestException.class, () -> CallLimits.checkSignature(EC_KEY, ecdsa,
                Collections.nCopies(CallLimits.MAX_DIGESTS_PER_CALL + 1, new byte[32])));
        assertEquals("a SHA-256 digest has 32 bytes", assertThrows(InvalidKeyRequestException.class,
                () -> CallLimits.checkSignature(EC_KEY, ecdsa, List.of(new byte[48]))).getMessage());
    }

    @Test
    void secretsAndMessagesStayWithinWhatTheTokenHandlesWell() {
        assertThrows(InvalidKeyRequestException.class, () -> CallLimits.checkSecret(new byte[CallLimits.MIN_SECRET_BYTES - 1]));
        assertDoesNotThrow(() -> CallLimits.checkSecret(new byte[CallLimits.MAX_SECRET_BYTES]));
        assertEquals("a message has 1 to 64 bytes", assertThrows(InvalidKeyRequestException.class,
                () -> CallLimits.checkMessages(List.of(new byte[0]))).getMessage());
        assertThrows(InvalidKeyRequestException.class, () -> CallLimits.checkRandomLength(0));
        assertThrows(InvalidKeyRequestException.class, () -> CallLimits.checkPeppered(new byte[1025]));
        assertThrows(InvalidKeyRequestException.class, () -> CallLimits.checkAuditMessage(null));
    }
}
