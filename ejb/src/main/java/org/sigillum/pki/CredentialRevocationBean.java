package org.sigillum.pki;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;
import org.sigillum.api.admin.RevocationView;
import org.sigillum.api.admin.RevokeCredentialRequest;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.CredentialRevocation;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.audit.Events;
import org.sigillum.enrollment.IssuedCertificateEntity;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.keys.KeyEvictionsBean;

/**
 * Revokes a credential: disabled for good, its certificate marked revoked in the register, and a new CRL
 * published, all in one transaction with the audit record; OCSP answers from the register at once. Any cached
 * unwrapped copy of the key leaves the HSM.
 */
@Stateless
public class CredentialRevocationBean implements CredentialRevocation {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private CertificateRegisterBean register;
    @EJB
    private CrlPublisherBean crls;
    @EJB
    private AuditTrail audit;
    @EJB
    private KeyEvictionsBean keyEvictions;
    @Inject
    private RequestCaller caller;
    @EJB
    private SignatureActivation sam;

    @Override
    public RevocationView revoke(String ownerId, String credentialId, RevokeCredentialRequest request)
            throws ServiceException {
        try {
            int reason = RevocationReasons.code(request == null ? null : request.reason());
            // after every signature in flight, and before any that follows (A11)
            if (credentialId != null) {
                sam.excludeSigning(credentialId);
            }
            // locked, so that two concurrent revocations of one credential cannot both succeed
            CredentialEntity credential = credentialId == null ? null
                    : em.find(CredentialEntity.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
            if (credential == null || !credential.ownerId().equals(ownerId)) {
                throw new ServiceException(ErrorCode.NOT_FOUND, "no such credential");
            }
            if (credential.revoked()) {
                throw new ServiceException(ErrorCode.CONFLICT, "the credential is already revoked");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            credential.revoke();
            IssuedCertificateEntity certificate = register.ofCredential(credentialId);
            if (certificate != null) {
                certificate.revoke(now, reason);
                em.flush();
                crls.republish(certificate.caName());
            }
            evictCachedKey(credentialId);
            String serial = certificate == null ? null : IssuedCertificateEntity.key(certificate.serialNumber());
            Map<String, String> details = new HashMap<>();
            details.put("reason", RevocationReasons.name(reason));
            if (serial != null) {
                details.put("serialNumber", serial);
            }
            audit.record(new AuditEvent(Events.CREDENTIAL_REVOKED, AuditEvent.Outcome.SUCCESS, caller.actor(), ownerId,
                    credentialId, details));
            return new RevocationView(credentialId, "revoked", serial, now.toString(), RevocationReasons.name(reason));
        } catch (ServiceException e) {
            audit.recordRefusal(Events.unsuccessful(Events.CREDENTIAL_REVOCATION_REFUSED,
                    Events.CREDENTIAL_REVOCATION_FAILED, e, caller.actor(), ownerId,
                    credentialId == null ? Map.of() : Map.of("credentialID", credentialId)));
            throw e;
        }
    }

    @Override
    public RevocationView suspend(String ownerId, String credentialId) throws ServiceException {
        return hold(ownerId, credentialId, true);
    }

    @Override
    public RevocationView resume(String ownerId, String credentialId) throws ServiceException {
        return hold(ownerId, credentialId, false);
    }

    /**
     * Puts the certificate on hold or lifts the hold, with the credential's status, the register (OCSP) and a new
     * CRL in one transaction with the audit record, so that OCSP and CRL change at once.
     */
    private RevocationView hold(String ownerId, String credentialId, boolean suspend) throws ServiceException {
        String action = suspend ? Events.CREDENTIAL_SUSPENDED : Events.CREDENTIAL_RESUMED;
        try {
            if (suspend && credentialId != null) {
                // like a revocation: after every signature in flight, and before any that follows (A11)
                sam.excludeSigning(credentialId);
            }
            CredentialEntity credential = credentialId == null ? null
                    : em.find(CredentialEntity.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
            if (credential == null || !credential.ownerId().equals(ownerId)) {
                throw new ServiceException(ErrorCode.NOT_FOUND, "no such credential");
            }
            if (suspend ? !credential.enabled() : !credential.suspended()) {
                throw new ServiceException(ErrorCode.CONFLICT, suspend ? "only an enabled credential can be suspended"
                        : "the credential is not suspended");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            IssuedCertificateEntity certificate = register.ofCredential(credentialId);
            if (suspend) {
                credential.suspend();
                if (certificate != null) {
                    certificate.revoke(now, CRLReason.certificateHold);
                }
                evictCachedKey(credentialId);
            } else {
                credential.resume();
                if (certificate != null) {
                    certificate.release();
                }
            }
            if (certificate != null) {
                em.flush();
                crls.republish(certificate.caName());
            }
            String serial = certificate == null ? null : IssuedCertificateEntity.key(certificate.serialNumber());
            audit.record(new AuditEvent(action, AuditEvent.Outcome.SUCCESS, caller.actor(), ownerId, credentialId,
                    serial == null ? Map.of() : Map.of("serialNumber", serial)));
            return new RevocationView(credentialId, suspend ? "suspended" : "enabled", serial, now.toString(),
                    suspend ? "certificateHold" : null);
        } catch (ServiceException e) {
            audit.recordRefusal(Events.unsuccessful(Events.CREDENTIAL_REVOCATION_REFUSED,
                    Events.CREDENTIAL_REVOCATION_FAILED, e, caller.actor(), ownerId, credentialId == null ? Map.of()
                            : Map.of("credentialID", credentialId, "action", action)));
            throw e;
        }
    }

    private void evictCachedKey(String credentialId) throws ServiceException {
        keyEvictions.evictEverywhere(credentialId);
    }
}
