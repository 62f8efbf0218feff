package org.sigillum.api.error;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code {"error": ..., "error_description": ...}} as CSC v2 and RFC 6749 define it. */
public record ApiError(String error, @JsonbProperty("error_description") String errorDescription) {

    public static ApiError of(ErrorCode code, String description) {
        return new ApiError(code.value(), description);
    }
}
