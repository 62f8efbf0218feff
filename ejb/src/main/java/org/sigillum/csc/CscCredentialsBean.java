package org.sigillum.csc;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.account.AuthenticationFailuresBean;
import org.sigillum.account.UserEntity;
import org.sigillum.api.audit.AuditEvent;
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
import org.sigillum.api.service.CscCredentials;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.audit.Events;
import org.sigillum.enrollment.Enrollment;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.sam.SignatureSchemes;
import org.sigillum.sam.auth.HsmPepper;
import org.sigillum.sam.auth.SecretHasher;

/**
 * CSC v2 credentials/list, credentials/info, credentials/authorize and signatures/signHash for the user a
 * service token speaks for. A credential of another user is indistinguishable from one that does not exist
 * (checklist C7). Every authorization and signature, granted or refused, is audited.
 */
@Stateless
public class CscCredentialsBean implements CscCredentials {

    private static final String PIN = "PIN";
    private static final String WRONG_AUTHENTICATION = "the authentication data is wrong, or signing is locked";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private SignatureActivation sam;
    @EJB
    private AuthenticationFailuresBean failures;
    @EJB
    private AuditTrail audit;
    @Inject
    private Enrollment enrollment;
    @Inject
    private HsmPepper pepper;

    @Inject
    @ConfigProperty(name = "sigillum.sad.max-signatures", defaultValue = "100")
    int maxSignatures;

    @Override
    public CredentialsListResponse list(TokenPrincipal caller, CredentialsListRequest request) throws ServiceException {
        String userId = requireUser(caller);
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
            infos = new java.util.ArrayList<>();
            for (CredentialEntity credential : credentials) {
                infos.add(CredentialInfos.of(credential, true, view, caChain, maxSignatures));
            }
        }
        return new CredentialsListResponse(credentials.stream().map(CredentialEntity::id).toList(), infos,
                onlyValid ? Boolean.TRUE : null);
    }

    @Override
    public CredentialInfo info(TokenPrincipal caller, CredentialInfoRequest request) throws ServiceException {
        CredentialEntity credential = ownCredential(caller, request == null ? null : request.credentialID());
        CredentialInfos.View view = CredentialInfos.View.of(request.certificates(), request.certInfo(), request.authInfo());
        return CredentialInfos.of(credential, false, view, enrollment.connector().caChain(), maxSignatures);
    }

    @Override
    public AuthorizeResponse authorize(TokenPrincipal caller, AuthorizeRequest request) throws ServiceException {
        String userId = requireUser(caller);
        String credentialId = request == null ? null : request.credentialID();
        try {
            CredentialEntity credential = ownCredential(caller, credentialId);
            SadGrant grant = grant(credential, userId, caller.clientId(), request);
            IssuedSad sad = sam.issue(grant);
            audit.record(new AuditEvent(Events.AUTHORIZED, AuditEvent.Outcome.SUCCESS, userId, userId, credentialId,
                    Map.of("numSignatures", String.valueOf(grant.numSignatures()), "factors", String.join(" ", grant.factors()),
                            "client", String.valueOf(caller.clientId()))));
            return new AuthorizeResponse(sad.value(), sad.expiresInSeconds());
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.AUTHORIZATION_REFUSED, AuditEvent.Outcome.REFUSED, userId, userId,
                    credentialId, Map.of("reason", e.getMessage())));
            throw e;
        }
    }

    @Override
    public AuthorizeResponse extendTransaction(TokenPrincipal caller, ExtendTransactionRequest request)
            throws ServiceException {
        String userId = requireUser(caller);
        String credentialId = request == null ? null : request.credentialID();
        try {
            ownCredential(caller, credentialId);
            List<String> hashes = null;
            if (request.hashes() != null && !request.hashes().isEmpty()) {
                DigestAlgorithm digest = HashList.algorithm(request.hashAlgorithmOID());
                hashes = HashList.canonical(HashList.decode(request.hashes(), maxSignatures, digest.length()));
            }
            IssuedSad sad = sam.extend(request.sad(), userId, credentialId, request.hashAlgorithmOID(), hashes);
            audit.record(new AuditEvent(Events.AUTHORIZATION_EXTENDED, AuditEvent.Outcome.SUCCESS, userId, userId,
                    credentialId, Map.of("client", String.valueOf(caller.clientId()))));
            return new AuthorizeResponse(sad.value(), sad.expiresInSeconds());
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.AUTHORIZATION_REFUSED, AuditEvent.Outcome.REFUSED, userId, userId,
                    credentialId, Map.of("reason", e.getMessage(), "method", "extendTransaction")));
            throw e;
        }
    }

    @Override
    public SignHashResponse signHash(TokenPrincipal caller, SignHashRequest request) throws ServiceException {
        String userId = requireUser(caller);
        String credentialId = request == null ? null : request.credentialID();
        try {
            CredentialEntity credential = ownCredential(caller, credentialId);
            SignatureScheme scheme = SignatureSchemes.fromCsc(request.signAlgo(), request.hashAlgorithmOID(),
                    request.signAlgoParams());
            List<byte[]> hashes = HashList.decode(request.hashes(), maxSignatures, scheme.digest().length());
            List<byte[]> signatures = sam.sign(request.sad(), userId, credential.wrappedKey(), credential.keyCachePolicy(),
                    scheme, request.hashAlgorithmOID(), hashes);
            audit.record(new AuditEvent(Events.SIGNED, AuditEvent.Outcome.SUCCESS, userId, userId, credentialId,
                    Map.of("hashes", String.valueOf(hashes.size()), "signAlgo", request.signAlgo(),
                            "client", String.valueOf(caller.clientId()))));
            return new SignHashResponse(signatures.stream().map(Base64.getEncoder()::encodeToString).toList());
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.SIGNING_REFUSED, e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE
                    ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.REFUSED, userId, userId, credentialId,
                    Map.of("reason", e.getMessage())));
            throw e;
        }
    }

    private SadGrant grant(CredentialEntity credential, String userId, String clientId, AuthorizeRequest request)
            throws ServiceException {
        if (!credential.enabled()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the credential is disabled");
        }
        Integer numSignatures = request.numSignatures();
        if (numSignatures == null || numSignatures < 1 || numSignatures > maxSignatures) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "numSignatures must be 1 to " + maxSignatures);
        }
        String hashAlgorithm = request.hashAlgorithmOID();
        List<String> hashes = List.of();
        if ("2".equals(credential.scal()) || (request.hashes() != null && !request.hashes().isEmpty())) {
            if (request.hashes() == null || request.hashes().isEmpty()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "this credential needs the hashes it will sign");
            }
            DigestAlgorithm digest = HashList.algorithm(hashAlgorithm);
            hashes = HashList.canonical(HashList.decode(request.hashes(), maxSignatures, digest.length()));
            if (hashes.size() != numSignatures) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "numSignatures must equal the number of hashes");
            }
        } else if (hashAlgorithm != null) {
            HashList.algorithm(hashAlgorithm);
        }
        verifyPin(userId, request.authData());
        return new SadGrant(credential.id(), userId, clientId, credential.scal(), hashAlgorithm, hashes, numSignatures,
                List.of(PIN), Instant.now());
    }

    /** One answer for a wrong PIN, a missing one and a locked account; failures count in their own transaction. */
    private void verifyPin(String userId, List<AuthorizeRequest.AuthData> authData) throws ServiceException {
        String pin = authData == null ? null : authData.stream().filter(a -> a != null && PIN.equals(a.id()))
                .map(AuthorizeRequest.AuthData::value).findFirst().orElse(null);
        UserEntity user = em.find(UserEntity.class, userId);
        Instant now = Instant.now();
        boolean locked = user.pins().lockedAt(now);
        boolean matches = pin != null && SecretHasher.matches(pin.toCharArray(), user.pinHash(), pepper);
        if (!matches || locked) {
            if (!locked) {
                failures.pinFailed(userId);
            }
            throw new ServiceException(ErrorCode.INVALID_AUTHENTICATION_DATA, WRONG_AUTHENTICATION);
        }
        user.pins().succeeded();
    }

    private static String requireUser(TokenPrincipal caller) throws ServiceException {
        if (caller == null || caller.userId() == null) {
            throw new ServiceException(ErrorCode.INVALID_TOKEN, "the token does not speak for a user");
        }
        return caller.userId();
    }

    private CredentialEntity ownCredential(TokenPrincipal caller, String credentialId) throws ServiceException {
        String userId = requireUser(caller);
        CredentialEntity credential = credentialId == null ? null : em.find(CredentialEntity.class, credentialId);
        if (credential == null || !credential.ownerId().equals(userId)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "invalid credentialID");
        }
        return credential;
    }
}
