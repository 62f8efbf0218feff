package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.admin.RevocationView;
import org.sigillum.api.admin.RevokeCredentialRequest;
import org.sigillum.api.error.ServiceException;

/** Revocation of credentials: the credential is disabled for good and its certificate revoked (OCSP, CRL). */
@Local
public interface CredentialRevocation {

    RevocationView revoke(String ownerId, String credentialId, RevokeCredentialRequest request) throws ServiceException;
}
