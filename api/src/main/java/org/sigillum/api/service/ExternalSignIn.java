package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;

/**
 * The seam through which a sign-in done elsewhere (an identity provider) enters the authorization-code flow: the
 * waiting authorization is looked up by its form, and once the user is known the flow goes on to consent exactly
 * as after a local login.
 */
@Local
public interface ExternalSignIn {

    /** The authorization {@code transactionId} waiting for its user, proved by its form's {@code csrf}. */
    WaitingAuthorization waiting(String transactionId, String csrf) throws ServiceException;

    /** User {@code userId} signed in for authorization {@code transactionId}: the consent step, as after login. */
    AuthorizationStep signedIn(String transactionId, String userId) throws ServiceException;

    /** What a waiting authorization asks for: its client, and the credential to be authorized (or null). */
    record WaitingAuthorization(String clientId, String credentialId) {
    }
}
