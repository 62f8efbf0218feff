package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.admin.RevocationView;
import org.sigillum.api.admin.RevokeCredentialRequest;
import org.sigillum.api.error.ServiceException;

/** Revocation of credentials: the credential is disabled for good and its certificate revoked (OCSP, CRL). */
@Local
public interface CredentialRevocation {

    /** Suspends: the credential signs nothing, its certificate is on hold (certificateHold) in OCSP and the CRL. */
    RevocationView suspend(String ownerId, String credentialId) throws ServiceException;

    /** Lifts a suspension: the certificate is good again in OCSP and leaves the CRL, and the credential signs. */
    RevocationView resume(String ownerId, String credentialId) throws ServiceException;

    /** Revokes for good, a suspended credential too. */
    RevocationView revoke(String ownerId, String credentialId, RevokeCredentialRequest request) throws ServiceException;
}
