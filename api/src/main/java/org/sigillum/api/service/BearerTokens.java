package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ServiceException;

/** Opaque bearer tokens issued by this server; only their SHA-256 is stored. */
@Local
public interface BearerTokens {

    /** The principal of a live access token, or {@code invalid_token}. */
    TokenPrincipal authenticate(String accessToken) throws ServiceException;

    /** The credential a live credential-scope access token was issued for, or null for any other token. */
    String credentialOf(String accessToken);

    /** Revokes an access or refresh token of the given user; unknown tokens are ignored (RFC 7009). */
    void revoke(String userId, String token);
}
