package org.sigillum.web.error;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sigillum.api.error.ErrorCode;

/** The JSON provider could not read the body: a client error, reported without parser internals. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "the request body is not valid JSON for this method");
    }
}
