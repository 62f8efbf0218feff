package org.sigillum.api.error;

import jakarta.ejb.ApplicationException;

/** A refusal the caller should see, in the API's own error format; the transaction is rolled back. */
@ApplicationException(rollback = true)
public class ServiceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ServiceException(ErrorCode code, String description) {
        super(description);
        this.code = code;
    }

    public ServiceException(ErrorCode code, String description, Throwable cause) {
        super(description, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
