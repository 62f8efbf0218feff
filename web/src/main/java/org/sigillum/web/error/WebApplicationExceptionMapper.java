package org.sigillum.web.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.sigillum.api.error.ErrorCode;

/** 404, 405, 406, 415 and malformed bodies in the API's own error format instead of the container's page. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.INVALID_TOKEN;
            case 403 -> ErrorCode.ACCESS_DENIED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 503 -> ErrorCode.TEMPORARILY_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.SERVER_ERROR : ErrorCode.INVALID_REQUEST;
        };
        String description = status == 400 ? "the request body is not valid JSON for this method"
                : e.getResponse().getStatusInfo().getReasonPhrase();
        return ErrorResponses.of(status, code, description);
    }
}
