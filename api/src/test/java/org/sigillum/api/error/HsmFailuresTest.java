package org.sigillum.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;
import org.sigillum.hsm.InvalidKeyRequestException;
import org.sigillum.hsm.KeyBindingException;

/** One translation of HSM failures for every caller (the SAM included), and one rule for refusal or failure. */
class HsmFailuresTest {

    @Test
    void unavailableHsmIsATemporaryFailureWithoutTheTokensWords() {
        HsmUnavailableException cause = new HsmUnavailableException("C_OpenSession: CKR_DEVICE_REMOVED", null);
        ServiceException e = HsmFailures.toServiceException("signature", cause);
        assertEquals(ErrorCode.TEMPORARILY_UNAVAILABLE, e.code());
        assertEquals(503, e.code().httpStatus());
        assertEquals("the HSM is unavailable; retry later", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void anyOtherTokenFailureIsAServerErrorNamingOnlyTheOperation() {
        ServiceException e = HsmFailures.toServiceException("signature",
                new HsmException("C_Sign: CKR_FUNCTION_FAILED (0x00000006) in libsofthsm2.so"));
        assertEquals(ErrorCode.SERVER_ERROR, e.code());
        assertEquals("signature failed in the HSM", e.getMessage());
        assertFalse(e.getMessage().contains("CKR_"), "no PKCS#11 words reach the caller");
    }

    @Test
    void theAdaptersOwnRefusalOfARequestIsPassedOnInWords() {
        ServiceException e = HsmFailures.toServiceException("signature",
                new InvalidKeyRequestException("between 1 and 1024 digests per call"));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("between 1 and 1024 digests per call", e.getMessage());
    }

    @Test
    void aKeyThatIsNotTheCredentialsIsRefused() {
        ServiceException e = HsmFailures.toServiceException("signature",
                new KeyBindingException("wrapped key is not bound to credential c-1"));
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals("the stored key does not belong to this credential", e.getMessage());
    }

    @Test
    void onlyServerErrorsAndUnavailabilityAreTheServersFault() {
        EnumSet<ErrorCode> serverSide = EnumSet.noneOf(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            if (code.serverSide()) {
                serverSide.add(code);
            }
            assertEquals(code.serverSide(), code.httpStatus() >= 500, code.name());
        }
        assertEquals(EnumSet.of(ErrorCode.SERVER_ERROR, ErrorCode.TEMPORARILY_UNAVAILABLE), serverSide);
        assertTrue(ErrorCode.TEMPORARILY_UNAVAILABLE.serverSide());
    }
}
