package org.sigillum.api.service;

import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.TokenResponse;

/** The OAuth 2.0 token and revocation endpoints (RFC 6749, RFC 7636, RFC 7009) as CSC v2 uses them. */
@Local
public interface TokenEndpoint {

    /** authorization_code (PKCE S256 required), refresh_token (rotating) or client_credentials (admin scope). */
    TokenResponse token(TokenRequest request) throws ServiceException;

    void revoke(TokenRevocationRequest request) throws ServiceException;
}
