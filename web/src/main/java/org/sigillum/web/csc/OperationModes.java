package org.sigillum.web.csc;

import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * CSC v2 operationMode of signHash and signDoc: "S" (the default) answers with the signatures, "A" with a
 * responseID for signatures/signPolling. A response_uri asks the server to call the client back when done; this
 * server does not call out to client-chosen URLs (a request could point it anywhere), so clients poll.
 */
final class OperationModes {

    private OperationModes() {
    }

    static boolean asynchronous(String operationMode, String responseUri) throws ServiceException {
        if (operationMode == null || "S".equals(operationMode)) {
            return false;
        }
        if (!"A".equals(operationMode)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "operationMode is S (synchronous) or A (asynchronous)");
        }
        if (responseUri != null && !responseUri.isBlank()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "response_uri is not supported: poll with "
                    + "signatures/signPolling");
        }
        return true;
    }
}
