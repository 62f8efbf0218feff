package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.concurrent.Callable;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ServiceException;

/**
 * CSC v2 asynchronous operation mode: a signing call accepted now, run in the background, and its outcome (the
 * method's JSON answer or its error) fetched with signatures/signPolling by the same user and client application.
 */
@Local
public interface AsyncSigning {

    /**
     * Accepts {@code operation} (which yields the method's JSON answer) and returns its responseID at once.
     * {@code validityMillis}: how long the outcome is kept (the request's validity_period), null for the default.
     */
    String submit(TokenPrincipal caller, String method, Long validityMillis, Callable<String> operation)
            throws ServiceException;

    /** The JSON answer of a finished operation; its error if it failed; invalid_request while it runs. */
    String poll(TokenPrincipal caller, String responseId) throws ServiceException;
}
