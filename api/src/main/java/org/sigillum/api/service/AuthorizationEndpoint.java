package org.sigillum.api.service;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.oauth.PushedRequest;

/**
 * The authorization endpoint of the authorization-code flow: request checks, the login and consent steps, and
 * pushed authorization requests. A problem that makes redirecting unsafe (unknown client, unregistered
 * redirect URI) is thrown; every other refusal is a redirect back to the client with an error.
 */
@Local
public interface AuthorizationEndpoint {

    PushedRequest push(PushedAuthorizationRequest request) throws ServiceException;

    AuthorizationStep begin(AuthorizationRequest request) throws ServiceException;

    AuthorizationStep login(String transactionId, String csrf, String username, char[] password) throws ServiceException;

    AuthorizationStep consent(String transactionId, String csrf, boolean approved, String pin, String otp)
            throws ServiceException;

    /** The consent step of a signed-in transaction as it stands (the consent page again, in another language). */
    AuthorizationStep current(String transactionId) throws ServiceException;

    /**
     * Sends the signed-in user a code by e-mail or SMS for this transaction's credential and hashes, and shows the
     * consent page again, saying so (or why not: too_many_requests).
     */
    AuthorizationStep sendCode(String transactionId, String csrf) throws ServiceException;

    /** The PNG preview of document {@code index} of a signed-in transaction, for its consent page. */
    byte[] preview(String transactionId, int index) throws ServiceException;
}
