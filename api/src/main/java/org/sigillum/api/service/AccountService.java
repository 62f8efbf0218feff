package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.admin.CreateUserRequest;
import org.sigillum.api.admin.UserView;
import org.sigillum.api.admin.TotpEnrollment;
import org.sigillum.api.error.ServiceException;

@Local
public interface AccountService {

    UserView createUser(CreateUserRequest request) throws ServiceException;

    UserView user(String id) throws ServiceException;

    /** Deletes the account with its credentials and tokens. */
    void deleteUser(String id) throws ServiceException;

    /**
     * Gives the user a new TOTP authenticator, replacing any earlier one; from then on signing needs PIN and
     * one-time code. The seed comes from the HSM's generator and is stored sealed by the HSM.
     */
    TotpEnrollment enrollTotp(String userId) throws ServiceException;
}
