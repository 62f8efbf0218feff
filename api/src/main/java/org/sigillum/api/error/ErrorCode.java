package org.sigillum.api.error;

/**
 * The error values of the CSC API, of the OAuth 2.0 endpoints (RFC 6749 5.2) and of the admin API, which all speak
 * the same format, with their HTTP status.
 */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_GRANT("invalid_grant", 400),
    INVALID_AUTHENTICATION_DATA("invalid_authentication_data", 400),
    INVALID_HASH("invalid_hash", 403),
    INVALID_TOKEN("invalid_token", 401),
    INVALID_CLIENT("invalid_client", 401),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    ACCESS_DENIED("access_denied", 403),
    INSUFFICIENT_SCOPE("insufficient_scope", 403),
    NOT_FOUND("not_found", 404),
    CONFLICT("conflict", 409),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    /** A message (e-mail, SMS) refused by the per-recipient or per-caller rate limit (checklist G4). */
    TOO_MANY_REQUESTS("too_many_requests", 429),
    SERVER_ERROR("server_error", 500),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503);

    private final String value;
    private final int httpStatus;

    ErrorCode(String value, int httpStatus) {
        this.value = value;
        this.httpStatus = httpStatus;
    }

    public String value() {
        return value;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Whether the server rather than the caller is at fault: the one place that tells a failure (audited as
     * FAILED) from a refusal (REFUSED), for every API and page.
     */
    public boolean serverSide() {
        return this == SERVER_ERROR || this == TEMPORARILY_UNAVAILABLE;
    }
}
