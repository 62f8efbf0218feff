package org.sigillum.api.service;

import jakarta.ejb.Local;

/**
 * Checks an operator's bearer credential for the admin and diagnostics APIs. Until the OAuth 2.0 server lands
 * it is a random secret the start script writes to a mode-600 file.
 */
@Local
public interface OperatorAuthentication {

    boolean isOperator(String bearerToken);
}
