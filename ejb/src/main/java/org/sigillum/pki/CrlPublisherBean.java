package org.sigillum.pki;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.CrlDistribution;
import org.sigillum.enrollment.BuiltInCaBean;
import org.sigillum.enrollment.CaKey;

/**
 * Publishes the CRLs of the built-in CAs: a new one, with the next CRL number, whenever a revocation changes
 * it and whenever the stored one is half-way to its nextUpdate. Regeneration locks the CA's CRL row, so nodes
 * never issue two CRLs with the same number.
 */
@Stateless
@LocalBean
public class CrlPublisherBean implements CrlDistribution {

    static final Duration VALIDITY = Duration.ofHours(24);

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private BuiltInCaBean ca;
    @EJB
    private CertificateRegisterBean register;

    @Override
    public byte[] crl(String caName) throws ServiceException {
        CrlEntity current = em.find(CrlEntity.class, caName);
        if (current == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such CRL");
        }
        if (current.due(Instant.now())) {
            em.refresh(current, LockModeType.PESSIMISTIC_WRITE);
            if (current.due(Instant.now())) {
                publish(current);
            }
        }
        return current.encoded();
    }

    /** A new CRL at once, in the caller's transaction: the revocation and the CRL listing it commit together. */
    public void republish(String caName) throws ServiceException {
        CrlEntity current = em.find(CrlEntity.class, caName, LockModeType.PESSIMISTIC_WRITE);
        if (current == null) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the built-in PKI is not initialised yet");
        }
        publish(current);
    }

    /** The first CRL of a CA, at start-up; a node that loses the race on the row finds the other's. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensurePublished(String caName) throws ServiceException {
        if (em.find(CrlEntity.class, caName) == null) {
            CrlEntity first = new CrlEntity(caName);
            publish(first);
            em.persist(first);
        }
    }

    private void publish(CrlEntity crl) throws ServiceException {
        CaKey key = ca.key(crl.caName());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            byte[] encoded = Crls.build(key.certificate(), key.signer(), crl.nextNumber(), now, now.plus(VALIDITY),
                    register.revoked(crl.caName())).getEncoded();
            crl.published(crl.nextNumber(), now, now.plus(VALIDITY), encoded);
        } catch (RuntimeOperatorException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the CRL cannot be signed now; retry later", e);
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the CRL could not be built", e);
        }
    }
}
