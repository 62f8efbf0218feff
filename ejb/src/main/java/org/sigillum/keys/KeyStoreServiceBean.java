package org.sigillum.keys;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.sigillum.account.Users;
import org.sigillum.api.admin.CreateCredentialRequest;
import org.sigillum.api.admin.CredentialView;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.KeyStoreService;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;

/**
 * Creates credentials: the key pair is generated in the HSM, and the row stores the public key and the private
 * key wrapped and bound to credential ID and owner. The HSM call happens before the insert, in the same
 * transaction: if the insert fails, nothing refers to the (destroyed) session key and nothing is half-written.
 */
@Stateless
public class KeyStoreServiceBean implements KeyStoreService {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Override
    public CredentialView createCredential(String ownerId, CreateCredentialRequest request) throws ServiceException {
        KeySpec spec = KeySpecs.fromRequest(request);
        Users.require(em, ownerId);
        KeyBinding binding = new KeyBinding(UUID.randomUUID().toString(), ownerId);
        GeneratedKey generated;
        try (HsmConnection connection = hsm.getConnection()) {
            generated = connection.generateKeyPair(spec, binding);
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("key generation", e);
        }
        CredentialEntity credential = new CredentialEntity(generated.subjectPublicKeyInfo(), generated.wrappedKey(),
                Instant.now());
        em.persist(credential);
        return view(credential);
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

    private static CredentialView view(CredentialEntity c) {
        return new CredentialView(c.id(), c.ownerId(), c.keyAlgorithm(), c.keyLength(), c.curve(), c.status(),
                Base64.getEncoder().encodeToString(c.publicKey()), c.createdAt().toString());
    }
}
