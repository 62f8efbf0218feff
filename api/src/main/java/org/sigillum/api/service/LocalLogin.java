package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.csc.LoginResponse;
import org.sigillum.api.error.ServiceException;

/** CSC {@code auth/login} for local accounts: password in, service tokens out, guessing locked out. */
@Local
public interface LocalLogin {

    LoginResponse login(String username, char[] password, boolean rememberMe) throws ServiceException;

    /**
     * Checks a local account's password, as the login page of the authorization-code flow does, and returns the
     * user's ID; refusals are counted and audited like those of auth/login. With a {@code clientId}, an account of
     * another group than the client's, like a disabled one, is refused as if it did not exist (checklist C12).
     */
    String authenticate(String username, char[] password, String clientId) throws ServiceException;

    /** A new access token for a live refresh token (CSC auth/login with {@code refresh_token}). */
    LoginResponse refresh(String refreshToken) throws ServiceException;
}
