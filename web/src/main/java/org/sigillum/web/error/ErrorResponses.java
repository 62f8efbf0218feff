package org.sigillum.web.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sigillum.api.error.ApiError;
import org.sigillum.api.error.ErrorCode;

final class ErrorResponses {

    private ErrorResponses() {
    }

    /** Seconds a client should wait before retrying after 503: long enough for the pool to replace sessions. */
    static final String RETRY_AFTER_SECONDS = "5";

    static Response of(int status, ErrorCode code, String description) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").entity(ApiError.of(code, description));
        if (status == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    static Response of(ErrorCode code, String description) {
        return of(code.httpStatus(), code, description);
    }
}
