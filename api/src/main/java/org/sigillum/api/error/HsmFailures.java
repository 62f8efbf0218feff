package org.sigillum.api.error;

import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;
import org.sigillum.hsm.InvalidKeyRequestException;
import org.sigillum.hsm.KeyBindingException;

/**
 * The one translation of an HSM failure into what the API caller may learn of it, used by the SAM and by every
 * other bean that calls the HSM. Only the adapter's own refusals of a request (sizes, schemes) are passed on in
 * words; anything the token said stays in the server log, never in a response.
 */
public final class HsmFailures {

    private HsmFailures() {
    }

    public static ServiceException toServiceException(String operation, HsmException e) {
        if (e instanceof HsmUnavailableException) {
            return new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the HSM is unavailable; retry later", e);
        }
        if (e instanceof InvalidKeyRequestException) {
            return new ServiceException(ErrorCode.INVALID_REQUEST, e.getMessage(), e);
        }
        if (e instanceof KeyBindingException) {
            return new ServiceException(ErrorCode.ACCESS_DENIED, "the stored key does not belong to this credential", e);
        }
        return new ServiceException(ErrorCode.SERVER_ERROR, operation + " failed in the HSM", e);
    }
}
