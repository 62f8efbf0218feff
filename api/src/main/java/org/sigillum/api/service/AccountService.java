package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.admin.CreateUserRequest;
import org.sigillum.api.admin.UserView;
import org.sigillum.api.admin.TotpEnrollment;
import org.sigillum.api.error.ServiceException;

@Local
public interface AccountService {

    UserView createUser(CreateUserRequest request) throws ServiceException;

    UserView user(String id) throws ServiceException;

    /** Accounts in creation order, of one group or (null) all; a users token sees its own group's only. */
    List<UserView> users(String group, int offset, int limit) throws ServiceException;

    /** The account logs in and signs no more; its tokens are refused from now on. */
    UserView disableUser(String id) throws ServiceException;

    /**
     * Refuses, as {@code not_found}, an account that a service provider's users token may not manage: one of
     * another group (checklist C12). An operator manages every account.
     */
    void requireManageable(String id) throws ServiceException;

    /** Deletes the account with its credentials and tokens. */
    void deleteUser(String id) throws ServiceException;

    /**
     * Gives the user a new TOTP authenticator, replacing any earlier one; from then on signing needs PIN and
     * one-time code. The seed comes from the HSM's generator and is stored sealed by the HSM.
     */
    TotpEnrollment enrollTotp(String userId) throws ServiceException;
}
