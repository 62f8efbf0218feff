package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.admin.CreateCredentialRequest;
import org.sigillum.api.admin.CredentialView;
import org.sigillum.api.error.ServiceException;

/** Key lifecycle of signing credentials: generated in the HSM, stored wrapped and bound to their owner. */
@Local
public interface KeyStoreService {

    CredentialView createCredential(String ownerId, CreateCredentialRequest request) throws ServiceException;

    CredentialView credential(String ownerId, String credentialId) throws ServiceException;

    List<CredentialView> credentialsOf(String ownerId) throws ServiceException;

    /** Deletes the credential: its wrapped key is gone from the database, any cached unwrapped copy from the HSM. */
    void deleteCredential(String ownerId, String credentialId) throws ServiceException;
}
