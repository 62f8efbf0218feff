package org.sigillum.web.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sigillum.api.error.ApiError;
import org.sigillum.api.error.ErrorCode;

final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(int status, ErrorCode code, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").entity(ApiError.of(code, description)).build();
    }

    static Response of(ErrorCode code, String description) {
        return of(code.httpStatus(), code, description);
    }
}
