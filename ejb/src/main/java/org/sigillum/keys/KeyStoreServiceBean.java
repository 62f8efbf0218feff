package org.sigillum.keys;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.sigillum.account.UserEntity;
import org.sigillum.account.Users;
import org.sigillum.api.admin.CreateCredentialRequest;
import org.sigillum.api.admin.CredentialView;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.KeyStoreService;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.audit.Events;
import org.sigillum.enrollment.CertificateRequest;
import org.sigillum.enrollment.Enrollment;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;
import org.sigillum.tenancy.GroupPolicies;
import org.sigillum.tenancy.Tenants;

/**
 * Creates credentials: the key pair is generated in the HSM, and the row stores the public key and the private
 * key wrapped and bound to credential ID and owner. The HSM call happens before the insert, in the same
 * transaction: if the insert fails, nothing refers to the (destroyed) session key and nothing is half-written.
 */
@Stateless
public class KeyStoreServiceBean implements KeyStoreService {

    private static final int MAX_KEY_CACHE_SECONDS = 3600;

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private RequestCaller caller;

    @EJB
    private SignatureActivation sam;
    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @EJB
    private AuditTrail audit;
    @EJB
    private KeyEvictionsBean keyEvictions;
    @Inject
    private Enrollment enrollment;

    @Override
    public CredentialView createCredential(String ownerId, CreateCredentialRequest request) throws ServiceException {
        try {
            CredentialEntity credential = newCredential(ownerId, request);
            audit.record(new AuditEvent(Events.CREDENTIAL_CREATED, AuditEvent.Outcome.SUCCESS, caller.actor(), ownerId,
                    credential.id(), keyDetails(credential.keyAlgorithm(), String.valueOf(credential.keyLength()),
                    credential.curve())).counting(1));
            return view(credential);
        } catch (ServiceException e) {
            audit.recordRefusal(Events.unsuccessful(Events.CREDENTIAL_CREATION_REFUSED, Events.CREDENTIAL_CREATION_FAILED, e, caller.actor(), ownerId, request == null ? Map.of() : keyDetails(request.keyAlgo(),
                            request.keyLength() == null ? null : request.keyLength().toString(), request.curve())));
            throw e;
        }
    }

    private CredentialEntity newCredential(String ownerId, CreateCredentialRequest request) throws ServiceException {
        KeySpec spec = KeySpecs.fromRequest(request);
        UserEntity owner = Users.require(em, ownerId);
        GroupPolicies.requireKey(Tenants.policyOfUser(em, ownerId), spec);
        if (request.maxSignatures() != null && request.maxSignatures() < 1) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "maxSignatures must be at least 1");
        }
        String scal = request.scal() == null ? "2" : request.scal();
        if (!scal.equals("1") && !scal.equals("2")) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "scal must be \"1\" or \"2\"");
        }
        int keyCacheSeconds = request.keyCacheSeconds() == null ? 0 : request.keyCacheSeconds();
        if (keyCacheSeconds < 0 || keyCacheSeconds > MAX_KEY_CACHE_SECONDS) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "keyCacheSeconds must be 0 to " + MAX_KEY_CACHE_SECONDS);
        }
        KeyBinding binding = new KeyBinding(UUID.randomUUID().toString(), ownerId);
        GeneratedKey generated;
        try (HsmConnection connection = hsm.getConnection()) {
            generated = connection.generateKeyPair(spec, binding);
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("key generation", e);
        }
        List<byte[]> chain = enrollment.connector().issue(new CertificateRequest(binding.credentialId(), owner.username(),
                generated.subjectPublicKeyInfo()));
        CredentialEntity credential = new CredentialEntity(generated.subjectPublicKeyInfo(), generated.wrappedKey(), scal,
                keyCacheSeconds, chain.get(0), Instant.now());
        credential.limitSignatures(request.maxSignatures());
        em.persist(credential);
        return credential;
    }

    private static Map<String, String> keyDetails(String keyAlgo, String keyLength, String curve) {
        Map<String, String> details = new HashMap<>();
        details.put("keyAlgo", keyAlgo);
        details.put("keyLength", keyLength);
        details.put("curve", curve);
        details.values().removeIf(Objects::isNull);
        return details;
    }

    @Override
    public CredentialView credential(String ownerId, String credentialId) throws ServiceException {
        CredentialEntity credential = credentialId == null ? null : em.find(CredentialEntity.class, credentialId);
        if (credential == null || !credential.ownerId().equals(ownerId)) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such credential");
        }
        return view(credential);
    }

    @Override
    public List<CredentialView> credentialsOf(String ownerId) throws ServiceException {
        Users.require(em, ownerId);
        return em.createQuery("select c from CredentialEntity c where c.ownerId = :owner order by c.createdAt",
                        CredentialEntity.class)
                .setParameter("owner", ownerId).getResultList().stream().map(KeyStoreServiceBean::view).toList();
    }

    @Override
    public void deleteCredential(String ownerId, String credentialId) throws ServiceException {
        if (credentialId != null) {
            // after every signature in flight, and before any that follows (A11)
            sam.excludeSigning(credentialId);
        }
        CredentialEntity credential = credentialId == null ? null : em.find(CredentialEntity.class, credentialId);
        if (credential == null || !credential.ownerId().equals(ownerId)) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such credential");
        }
        em.remove(credential);
        keyEvictions.evictEverywhere(credentialId);
        audit.record(new AuditEvent(Events.CREDENTIAL_DELETED, AuditEvent.Outcome.SUCCESS, caller.actor(), ownerId,
                credentialId, Map.of()));
    }

    private static CredentialView view(CredentialEntity c) {
        return new CredentialView(c.id(), c.ownerId(), c.keyAlgorithm(), c.keyLength(), c.curve(), c.status(), c.scal(),
                Base64.getEncoder().encodeToString(c.publicKey()), c.createdAt().toString());
    }
}
