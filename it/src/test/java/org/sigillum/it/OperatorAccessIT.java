package org.sigillum.it;

import org.junit.jupiter.api.Test;

/** The admin and diagnostics APIs answer only to the operator credential. */
class OperatorAccessIT {

    @Test
    void noCredentialIsRefused() {
        ApiErrors.assertError(Sigillum.get("/api/v1/diagnostics/hsm/status", null), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.post("/api/v1/users", "application/json", "{\"username\":\"x\"}", null), 401,
                "invalid_token");
    }

    @Test
    void wrongCredentialIsRefused() {
        String wrong = Sigillum.operatorToken() + "x";
        ApiErrors.assertError(Sigillum.get("/api/v1/diagnostics/hsm/status", wrong), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.post("/api/v1/diagnostics/hsm/sign", "application/json", "{}", wrong), 401,
                "invalid_token");
    }

    @Test
    void prefixOfTheCredentialIsRefused() {
        String prefix = Sigillum.operatorToken().substring(0, 16);
        ApiErrors.assertError(Sigillum.get("/api/v1/diagnostics/hsm/status", prefix), 401, "invalid_token");
    }
}
