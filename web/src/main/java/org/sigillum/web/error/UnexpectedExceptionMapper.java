package org.sigillum.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything unforeseen: an {@link Incident}, never a stack trace in the response. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    @Override
    public Response toResponse(Exception e) {
        Incident incident = Incident.of(e);
        return ErrorResponses.of(incident.code(), incident.description());
    }
}
