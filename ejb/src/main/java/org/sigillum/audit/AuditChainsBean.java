package org.sigillum.audit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.bouncycastle.tsp.TimeStampRequest;
import org.sigillum.api.audit.AuditAnchorView;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TimeStampAuthority;

/** The life of the chains themselves, each step in a transaction of its own: creation, the legacy seal, anchors. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditChainsBean {

    private static final Logger LOG = Logger.getLogger(AuditChainsBean.class.getName());

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private AuditKeys keys;
    @Inject
    private ChainLeases leases;
    @EJB
    private TimeStampAuthority tsa;

    /** Creates a chain's head row when it is absent. */
    public void create(String chainId) {
        if (em.find(AuditChainEntity.class, chainId) == null) {
            em.persist(new AuditChainEntity(chainId));
        }
    }

    /**
     * Seals the single chain of earlier versions, once: its head is MAC'd and becomes the 'legacy' chain, which no
     * one appends to any more. Returns whether this call sealed it (false: sealed before, here or on another node).
     */
    public boolean sealLegacy() throws ServiceException {
        if (em.find(AuditChainEntity.class, AuditChainEntity.LEGACY) != null) {
            return false;
        }
        // the old head row orders nodes that start together; the one that waited finds the seal made
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, AuditChainHeadEntity.ID,
                LockModeType.PESSIMISTIC_WRITE);
        if (em.createQuery("select count(c) from AuditChainEntity c where c.chainId = :id", Long.class)
                .setParameter("id", AuditChainEntity.LEGACY).getSingleResult() > 0) {
            return false;
        }
        Instant at = AuditChain.timestamp(Instant.now());
        String seal = KeyedChain.sealMac(keys.chainKey(AuditChainEntity.LEGACY), head.lastSeq(), head.lastHash(), at);
        em.persist(AuditChainEntity.sealedLegacy(head.lastSeq(), head.lastHash(), at, seal));
        LOG.info(() -> "audit: the legacy chain is sealed at record " + head.lastSeq() + " (" + head.lastHash() + ")");
        return true;
    }

    /**
     * Anchors the heads of every chain: MAC'd under the anchor key, time-stamped by the built-in TSA, stored. The
     * log line is a copy outside the database, for whoever ships the server log elsewhere.
     */
    public AuditAnchorView anchor() throws ServiceException {
        List<AnchorImprint.Head> heads = em.createQuery("select c from AuditChainEntity c", AuditChainEntity.class)
                .getResultList().stream().map(c -> new AnchorImprint.Head(c.chainId(), c.lastSeq(), c.lastMac())).toList();
        String text = AnchorImprint.encode(heads);
        String id = UUID.randomUUID().toString();
        Instant at = AuditChain.timestamp(Instant.now());
        String imprint = AnchorImprint.imprint(keys.anchorKey(), id, at.toString(), text);
        TimeStampRequest request = AnchorToken.request(HexFormat.of().parseHex(imprint));
        byte[] token;
        try {
            token = AnchorToken.token(request, tsa.respond(request.getEncoded()));
        } catch (java.io.IOException | IllegalStateException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the audit anchor could not be time-stamped: "
                    + e.getMessage(), e);
        }
        em.persist(new AuditAnchorEntity(id, at, leases.node(), text, imprint, token));
        LOG.info(() -> "audit anchor " + id + " at " + at + " over " + heads.size() + " chain heads, imprint " + imprint);
        return new AuditAnchorView(id, at.toString(), heads.size(), imprint);
    }
}
