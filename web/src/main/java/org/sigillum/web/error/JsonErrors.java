package org.sigillum.web.error;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.sigillum.api.error.ApiError;
import org.sigillum.api.error.ErrorCode;

/** The API's error format written by servlet code, which answers before or outside JAX-RS and its mappers. */
public final class JsonErrors {

    private static final Jsonb JSON = JsonbBuilder.create();

    private JsonErrors() {
    }

    public static void write(HttpServletResponse response, ErrorCode code, String description) throws IOException {
        write(response, code.httpStatus(), code, description);
    }

    public static void write(HttpServletResponse response, int status, ErrorCode code, String description)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        if (status == 503) {
            response.setHeader("Retry-After", ErrorResponses.RETRY_AFTER_SECONDS);
        }
        byte[] body = JSON.toJson(ApiError.of(code, description)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
