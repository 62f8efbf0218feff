package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import java.util.Set;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.TokenException;

/** Sorts PKCS#11 failures into those that kill the session (the pool must replace it) and the rest. */
public final class Pkcs11Errors {

    private static final Set<Long> FATAL = Set.of(
            CKR_SESSION_HANDLE_INVALID, CKR_SESSION_CLOSED, CKR_DEVICE_ERROR, CKR_DEVICE_REMOVED,
            CKR_DEVICE_MEMORY, CKR_TOKEN_NOT_PRESENT, CKR_TOKEN_NOT_RECOGNIZED, CKR_CRYPTOKI_NOT_INITIALIZED,
            CKR_GENERAL_ERROR, CKR_USER_NOT_LOGGED_IN, CKR_SLOT_ID_INVALID, CKR_PIN_EXPIRED, CKR_PIN_LOCKED,
            // the session's handles of the token keys died: the token was reset or its objects vanished
            CKR_WRAPPING_KEY_HANDLE_INVALID, CKR_UNWRAPPING_KEY_HANDLE_INVALID);

    /** Failures after which only reloading the library brings the token back (SoftHSM2 rescans only then). */
    private static final Set<Long> LIBRARY_RESTART = Set.of(
            CKR_GENERAL_ERROR, CKR_DEVICE_ERROR, CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT, CKR_TOKEN_NOT_RECOGNIZED,
            CKR_CRYPTOKI_NOT_INITIALIZED, CKR_SLOT_ID_INVALID);

    private Pkcs11Errors() {
    }

    public static boolean isFatal(TokenException e) {
        return e instanceof PKCS11Exception p && FATAL.contains(p.getErrorCode());
    }

    public static boolean needsLibraryRestart(TokenException e) {
        return e instanceof PKCS11Exception p && LIBRARY_RESTART.contains(p.getErrorCode());
    }

    public static boolean isStaleHandle(TokenException e) {
        return e instanceof PKCS11Exception p
                && (p.getErrorCode() == CKR_KEY_HANDLE_INVALID || p.getErrorCode() == CKR_OBJECT_HANDLE_INVALID);
    }

    /** For operations with the long-lived token keys, whose handles going stale means the token was reset. */
    public static HsmException translateTokenKeyFailure(String operation, TokenException e) {
        return isStaleHandle(e) ? new HsmUnavailableException(operation + " failed: token key vanished", e)
                : translate(operation, e);
    }

    public static HsmException translate(String operation, TokenException e) {
        String message = operation + " failed: " + e.getMessage();
        return isFatal(e) ? new HsmUnavailableException(message, e) : new HsmException(message, e);
    }
}
