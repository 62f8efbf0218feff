package org.sigillum.web.error;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sigillum.api.error.ErrorCode;

/** The JSON provider could not read the body: too large, or not JSON; reported without parser internals. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ErrorResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "the request body is not valid JSON for this method");
    }
}
