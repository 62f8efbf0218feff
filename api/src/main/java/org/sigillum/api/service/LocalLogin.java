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
     * user's ID; refusals are counted and audited like those of auth/login. A disabled account is refused as if it
     * did not exist.
     */
    String authenticate(String username, char[] password) throws ServiceException;

    /**
     * The same for the login page of a client application: an account of another group than the client's is refused
     * with the answer of a wrong password (checklist C12).
     */
    String authenticate(String username, char[] password, String clientId) throws ServiceException;

    /** A new access token for a live refresh token (CSC auth/login with {@code refresh_token}). */
    LoginResponse refresh(String refreshToken) throws ServiceException;
}
