package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ServiceException;

/** Opaque bearer tokens issued by this server; only their SHA-256 is stored. */
@Local
public interface BearerTokens {

    /** The principal of a live access token, or {@code invalid_token}. */
    TokenPrincipal authenticate(String accessToken) throws ServiceException;

    /**
     * The principal of a live operator token (a client's admin-scope token, no user's), or {@code invalid_token}.
     * A refusal is audited as {@code ADMIN_ACCESS_REFUSED} with the method and path called, unless no credentials
     * were {@code presented} at all: nobody then tried to be an operator, and an anonymous flood must not write the log.
     */
    TokenPrincipal authenticateOperator(String accessToken, boolean presented, String method, String path)
            throws ServiceException;

    /**
     * The same, also admitting a client's back-office token of one of the {@code alsoAdmitted} scopes ({@code users}
     * for the User Account Management API, {@code auditor} for reading audit records and usage).
     */
    TokenPrincipal authenticateOperator(String accessToken, boolean presented, String method, String path,
                                        java.util.Set<String> alsoAdmitted) throws ServiceException;

    /** The credential a live credential-scope access token was issued for, or null for any other token. */
    String credentialOf(String accessToken);

    /** Revokes an access or refresh token of the given user; unknown tokens are ignored (RFC 7009). */
    void revoke(String userId, String token);
}
