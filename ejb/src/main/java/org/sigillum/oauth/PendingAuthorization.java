package org.sigillum.oauth;

import java.io.Serializable;

/**
 * A checked authorization request waiting for the user: which client, where to return, the PKCE challenge,
 * the scope ({@code service} or {@code credential}) and, for the latter, what is to be signed.
 */
record PendingAuthorization(String clientId, String clientName, String redirectUri, String state, String codeChallenge,
                            String scope, CredentialRequest credential) implements Serializable {
}
