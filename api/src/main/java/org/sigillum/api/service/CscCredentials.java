package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.AuthorizeRequest;
import org.sigillum.api.csc.AuthorizeResponse;
import org.sigillum.api.csc.CredentialInfo;
import org.sigillum.api.csc.CredentialInfoRequest;
import org.sigillum.api.csc.CredentialsListRequest;
import org.sigillum.api.csc.CredentialsListResponse;
import org.sigillum.api.csc.ExtendTransactionRequest;
import org.sigillum.api.csc.SignHashRequest;
import org.sigillum.api.csc.SignHashResponse;
import org.sigillum.api.error.ServiceException;

/** The CSC v2 credentials and signatures methods, for the user a service token speaks for. */
@Local
public interface CscCredentials {

    CredentialsListResponse list(TokenPrincipal caller, CredentialsListRequest request) throws ServiceException;

    /**
     * A credential of a service token's user; or, with a credential-scope token ({@code credentialToken}), the one
     * credential that token was issued for, so that a client can check the certificate before it signs.
     */
    CredentialInfo info(TokenPrincipal caller, String credentialToken, CredentialInfoRequest request)
            throws ServiceException;

    AuthorizeResponse authorize(TokenPrincipal caller, AuthorizeRequest request) throws ServiceException;

    AuthorizeResponse extendTransaction(TokenPrincipal caller, ExtendTransactionRequest request) throws ServiceException;

    /**
     * Signs under the request's SAD with a service token, or, when the request has none, under the caller's
     * credential-scope token, which is itself the SAD.
     */
    SignHashResponse signHash(TokenPrincipal caller, String credentialToken, SignHashRequest request)
            throws ServiceException;
}
