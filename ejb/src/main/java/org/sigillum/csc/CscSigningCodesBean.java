package org.sigillum.csc;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.account.SigningCodesBean;
import org.sigillum.account.SigningFactorsBean;
import org.sigillum.activation.device.DeviceApprovalsBean;
import org.sigillum.activation.otp.CodeBinding;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.SendOtpRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.CscSigningCodes;
import org.sigillum.audit.Events;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.api.tenancy.GroupPolicy;
import org.sigillum.tenancy.Tenants;

/**
 * credentials/getChallenge (v2) and credentials/sendOTP (v1): a code for this credential, this client application and,
 * when the request names them, exactly these hashes. Every send and every refusal is audited, with the channel and
 * never the code or the address.
 */
@Stateless
public class CscSigningCodesBean implements CscSigningCodes {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private SigningCodesBean codes;
    @EJB
    private SigningFactorsBean signingFactors;
    @EJB
    private AuditTrail audit;
    @EJB
    private DeviceApprovalsBean approvals;

    @Inject
    @ConfigProperty(name = "sigillum.sad.max-signatures", defaultValue = "100")
    int maxSignatures;

    @Override
    public boolean send(TokenPrincipal caller, SendOtpRequest request) throws ServiceException {
        String userId = CscCallers.requireUser(caller, Scopes.SERVICE);
        String credentialId = request == null ? null : request.credentialID();
        try {
            CredentialEntity credential = CscCallers.ownCredential(em, caller, credentialId);
            String channel = codes.send(userId, request.authObjectID(), transaction(credential, caller, request,
                    maxSignatures, Tenants.policyOfUser(em, userId)));
            if (channel == null) {
                if (!signingFactors.otpRequired(userId)) {
                    throw new ServiceException(ErrorCode.INVALID_REQUEST, "this credential is authorized without an OTP");
                }
                return false;
            }
            audit.record(new AuditEvent(Events.OTP_SENT, AuditEvent.Outcome.SUCCESS, userId, userId, credentialId,
                    Map.of("channel", channel)));
            return true;
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.OTP_SEND_REFUSED, e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE
                    ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.REFUSED, userId, userId, credentialId,
                    Map.of("reason", e.getMessage())));
            throw e;
        }
    }

    @Override
    public String requestApproval(TokenPrincipal caller, SendOtpRequest request) throws ServiceException {
        String userId = CscCallers.requireUser(caller, Scopes.SERVICE);
        String credentialId = request == null ? null : request.credentialID();
        try {
            CredentialEntity credential = CscCallers.ownCredential(em, caller, credentialId);
            if (request.hashes() == null || request.hashes().isEmpty()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST,
                        "a device approves exactly what is signed: hashes, numSignatures and hashAlgorithmOID are required");
            }
            int count = request.numSignatures() == null ? request.hashes().size() : request.numSignatures();
            SadGrant requested = SadGrants.requested(credential, userId, caller.clientId(), count,
                    request.hashAlgorithmOID(), request.hashes(), maxSignatures, Tenants.policyOfUser(em, userId));
            String approval = approvals.request(userId, binding(requested), requested.numSignatures(),
                    requested.hashAlgorithmOid(), requested.hashes());
            audit.record(new AuditEvent(Events.DEVICE_APPROVAL_REQUESTED, AuditEvent.Outcome.SUCCESS, userId, userId,
                    credentialId, Map.of("approval", approval, "numSignatures", String.valueOf(count))));
            return approval;
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.OTP_SEND_REFUSED, AuditEvent.Outcome.REFUSED, userId, userId,
                    credentialId, Map.of("reason", e.getMessage(), "authObjectID", SigningFactorsBean.DEVICE)));
            throw e;
        }
    }

    /** The transaction the code is bound to: the SAD request when the caller names its hashes, else the credential. */
    static CodeBinding transaction(CredentialEntity credential, TokenPrincipal caller, SendOtpRequest request,
                                   int maxSignatures, GroupPolicy policy) throws ServiceException {
        if (request.hashes() == null || request.hashes().isEmpty()) {
            return CodeBinding.credential(credential.id(), CodeBinding.caller(caller.clientId(), caller.userId()));
        }
        int count = request.numSignatures() == null ? request.hashes().size() : request.numSignatures();
        return binding(SadGrants.requested(credential, caller.userId(), caller.clientId(), count,
                request.hashAlgorithmOID(), request.hashes(), maxSignatures, policy));
    }

    /** The binding an authorization presents: its credential, client and request. */
    static CodeBinding binding(SadGrant requested) {
        return CodeBinding.request(requested.credentialId(), CodeBinding.caller(requested.clientId(), requested.userId()),
                requested.numSignatures(),
                requested.hashAlgorithmOid(), requested.hashes());
    }
}
