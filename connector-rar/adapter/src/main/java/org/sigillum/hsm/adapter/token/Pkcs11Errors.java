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
            CKR_GENERAL_ERROR, CKR_USER_NOT_LOGGED_IN, CKR_SLOT_ID_INVALID, CKR_PIN_EXPIRED, CKR_PIN_LOCKED);

    private Pkcs11Errors() {
    }

    public static boolean isFatal(TokenException e) {
        return e instanceof PKCS11Exception p && FATAL.contains(p.getErrorCode());
    }

    public static boolean isStaleHandle(TokenException e) {
        return e instanceof PKCS11Exception p
                && (p.getErrorCode() == CKR_KEY_HANDLE_INVALID || p.getErrorCode() == CKR_OBJECT_HANDLE_INVALID);
    }

    public static HsmException translate(String operation, TokenException e) {
        String message = operation + " failed: " + e.getMessage();
        return isFatal(e) ? new HsmUnavailableException(message, e) : new HsmException(message, e);
    }
}
