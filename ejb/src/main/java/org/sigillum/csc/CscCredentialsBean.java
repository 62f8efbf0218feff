package org.sigillum.csc;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.sigillum.account.AuditedRefusal;
import org.sigillum.account.SigningFactorsBean;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.Scopes;
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
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.IssuedSad;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.BearerTokens;
import org.sigillum.api.service.CscCredentials;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.audit.Events;
import org.sigillum.enrollment.Enrollment;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.sam.SignatureSchemes;
import org.sigillum.settings.ServiceSettings;
import org.sigillum.api.tenancy.GroupPolicy;
import org.sigillum.tenancy.GroupPolicies;
import org.sigillum.tenancy.Tenants;

/**
 * CSC v2 credentials/list, credentials/info, credentials/authorize and signatures/signHash for the user a
 * service token speaks for. A credential of another user is indistinguishable from one that does not exist
 * (checklist C7). Every authorization and signature, granted or refused, is audited.
 */
@Stateless
public class CscCredentialsBean implements CscCredentials {


    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private SignatureActivation sam;
    @EJB
    private SigningFactorsBean signingFactors;
    @EJB
    private AuditedSadIssuer issuer;
    @EJB
    private AuditTrail audit;
    @EJB
    private BearerTokens tokens;
    @Inject
    private Enrollment enrollment;

    @Inject
    ServiceSettings settings;

    @Override
    public CredentialsListResponse list(TokenPrincipal caller, CredentialsListRequest request) throws ServiceException {
        String userId = CscCallers.requireUser(caller, Scopes.SERVICE);
        boolean withInfo = request != null && Boolean.TRUE.equals(request.credentialInfo());
        CredentialInfos.View view = request == null ? CredentialInfos.View.of(null, null, null)
                : CredentialInfos.View.of(request.certificates(), request.certInfo(), request.authInfo());
        boolean onlyValid = request != null && Boolean.TRUE.equals(request.onlyValid());
        List<CredentialEntity> credentials = em.createQuery(
                "select c from CredentialEntity c where c.ownerId = :owner order by c.createdAt", CredentialEntity.class)
                .setParameter("owner", userId).getResultList().stream().filter(c -> !onlyValid || c.enabled()).toList();
        List<CredentialInfo> infos = null;
        if (withInfo) {
            List<byte[]> caChain = enrollment.connector().caChain();
            List<String> otp = signingFactors.secondFactors(userId);
            infos = new java.util.ArrayList<>();
            for (CredentialEntity credential : credentials) {
                infos.add(CredentialInfos.of(credential, true, view, caChain, settings.maxSignatures(), otp));
            }
        }
        return new CredentialsListResponse(credentials.stream().map(CredentialEntity::id).toList(), infos,
                onlyValid ? Boolean.TRUE : null);
    }

    @Override
    public CredentialInfo info(TokenPrincipal caller, String credentialToken, CredentialInfoRequest request)
            throws ServiceException {
        String credentialId = request == null ? null : request.credentialID();
        if (caller != null && !caller.scopes().contains(Scopes.SERVICE) && caller.scopes().contains(Scopes.CREDENTIAL)
                && credentialId != null && credentialId.equals(tokens.credentialOf(credentialToken))) {
            // the one read a credential token allows: the credential it authorizes, nothing else widens
            CscCallers.requireUser(caller, Scopes.CREDENTIAL);
        } else {
            CscCallers.requireUser(caller, Scopes.SERVICE);
        }
        if (request == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a JSON body with credentialID is required");
        }
        CredentialEntity credential = CscCallers.ownCredential(em, caller, credentialId);
        CredentialInfos.View view = CredentialInfos.View.of(request.certificates(), request.certInfo(), request.authInfo());
        return CredentialInfos.of(credential, false, view, enrollment.connector().caChain(), settings.maxSignatures(),
                signingFactors.secondFactors(credential.ownerId()));
    }

    /**
     * Outside any transaction: the request is checked first (a malformed one costs no attempt), then the factors
     * are verified while no database connection is held, then the SAD is issued and audited in a short transaction.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuthorizeResponse authorize(TokenPrincipal caller, AuthorizeRequest request) throws ServiceException {
        String userId = CscCallers.requireUser(caller, Scopes.SERVICE);
        String credentialId = request == null ? null : request.credentialID();
        try {
            CredentialEntity credential = CscCallers.ownCredential(em, caller, credentialId);
            GroupPolicy policy = Tenants.policyOfUser(em, userId);
            SadGrant requested = SadGrants.requested(credential, userId, caller.clientId(), request.numSignatures(),
                    request.hashAlgorithmOID(), request.hashes(), settings.maxSignatures(), policy);
            AuditEvent wrongFactor = new AuditEvent(Events.AUTHORIZATION_REFUSED, AuditEvent.Outcome.REFUSED, userId,
                    userId, credentialId, Map.of("reason", SigningFactorsBean.WRONG_AUTHENTICATION));
            SadGrant grant = requested.authenticatedBy(signingFactors.verify(userId,
                    authData(request.authData(), SigningFactorsBean.PIN), oneTimeCode(request.authData()),
                    CscSigningCodesBean.binding(requested), wrongFactor), Instant.now());
            IssuedSad sad = issuer.issue(grant, GroupPolicies.sadLifetimeSeconds(policy, Long.MAX_VALUE),
                    new AuditEvent(Events.AUTHORIZED, AuditEvent.Outcome.SUCCESS, userId,
                    userId, credentialId, Map.of("numSignatures", String.valueOf(grant.numSignatures()), "factors",
                            String.join(" ", grant.factors()))).counting(grant.numSignatures()));
            return new AuthorizeResponse(sad.value(), sad.expiresInSeconds());
        } catch (AuditedRefusal e) {
            throw e;
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.AUTHORIZATION_REFUSED, AuditEvent.Outcome.REFUSED, userId, userId,
                    credentialId, Map.of("reason", e.getMessage())));
            throw e;
        }
    }

    @Override
    public AuthorizeResponse extendTransaction(TokenPrincipal caller, ExtendTransactionRequest request)
            throws ServiceException {
        String userId = CscCallers.requireUser(caller, Scopes.SERVICE);
        String credentialId = request == null ? null : request.credentialID();
        try {
            CscCallers.ownCredential(em, caller, credentialId);
            List<String> hashes = null;
            if (request.hashes() != null && !request.hashes().isEmpty()) {
                hashes = SadGrants.canonicalHashes(request.hashAlgorithmOID(), request.hashes(), settings.maxSignatures());
            }
            IssuedSad sad = sam.extend(caller, request.sad(), credentialId, request.hashAlgorithmOID(), hashes);
            audit.record(new AuditEvent(Events.AUTHORIZATION_EXTENDED, AuditEvent.Outcome.SUCCESS, userId, userId,
                    credentialId, Map.of()));
            return new AuthorizeResponse(sad.value(), sad.expiresInSeconds());
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.AUTHORIZATION_REFUSED, AuditEvent.Outcome.REFUSED, userId, userId,
                    credentialId, Map.of("reason", e.getMessage(), "method", "extendTransaction")));
            throw e;
        }
    }

    @Override
    public SignHashResponse signHash(TokenPrincipal caller, String credentialToken, SignHashRequest request)
            throws ServiceException {
        String sad = CscCallers.signingSad(caller, request == null ? null : request.sad(), credentialToken);
        String userId = caller.userId();
        String credentialId = request == null ? null : request.credentialID();
        try {
            // the SAM refuses a credential that is no longer enabled, whatever SAD was issued before (A11)
            CredentialEntity credential = CscCallers.ownCredential(em, caller, credentialId);
            SignatureScheme scheme = SignatureSchemes.fromCsc(request.signAlgo(), request.hashAlgorithmOID(),
                    request.signAlgoParams());
            List<byte[]> hashes = HashList.decode(request.hashes(), settings.maxSignatures(), scheme.digest().length());
            List<byte[]> signatures = sam.sign(caller, sad, credential.wrappedKey(), credential.keyCachePolicy(),
                    scheme, request.hashAlgorithmOID(), hashes);
            try {
                audit.record(new AuditEvent(Events.SIGNED, AuditEvent.Outcome.SUCCESS, userId, userId, credentialId,
                        Map.of("hashes", String.valueOf(hashes.size()), "signAlgo", request.signAlgo()))
                        .counting(hashes.size()));
            } catch (RuntimeException e) {
                // the HSM has signed and the SAD is spent: the transaction rolls back, and the failure is recorded on
                // its own below, never left unaudited (issue 11 item 4)
                throw new ServiceException(ErrorCode.SERVER_ERROR, "the signature was made but could not be recorded; "
                        + "authorize again", e);
            }
            return new SignHashResponse(signatures.stream().map(Base64.getEncoder()::encodeToString).toList());
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.SIGNING_REFUSED, e.code().serverSide()
                    ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.REFUSED, userId, userId, credentialId,
                    Map.of("reason", e.getMessage())));
            throw e;
        }
    }

    /**
     * The second factor under whichever ID the client collected it: OTP (TOTP, and CSC v1's one field), EMAIL_OTP,
     * SMS_OTP, or DEVICE (the approval's ID).
     */
    private static String oneTimeCode(List<AuthorizeRequest.AuthData> authData) {
        for (String id : List.of(SigningFactorsBean.OTP, SigningFactorsBean.EMAIL_OTP, SigningFactorsBean.SMS_OTP,
                SigningFactorsBean.DEVICE)) {
            String value = authData(authData, id);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String authData(List<AuthorizeRequest.AuthData> authData, String id) {
        return authData == null ? null : authData.stream().filter(a -> a != null && id.equals(a.id()))
                .map(AuthorizeRequest.AuthData::value).findFirst().orElse(null);
    }
}
