package org.sigillum.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sigillum.api.auth.RequestCaller;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sigillum.api.audit.AuditAnchorView;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.audit.AuditRecordView;
import org.sigillum.api.audit.AuditVerification;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.CaCertificates;

/**
 * Appends to the keyed audit chains. A transaction that appends leases one of this node's chains until it
 * completes and locks that chain's head row, which no other transaction wants meanwhile: appends run in parallel
 * on as many chains as a node has, and nodes never wait for each other. Each record is MAC'd under its chain's
 * key (derived in the HSM); anchors over all heads are made by {@link AuditAnchoring}.
 */
@Stateless
public class AuditTrailBean implements AuditTrail {

    private static final int MAX_DETAIL_VALUE = 256;
    private static final int MAX_PAGE = 1000;
    /** Looked up once: {@code Json.createObjectBuilder()} searches the class path for a provider on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final Object LEASE = new Object();
    /** Record numbers of the keyed chains continue after the legacy chain's last, which never moves again. */
    private static volatile Long legacyLast;

    /**
     * Set while this thread's transaction holds a chain: a refusal recorded in a new transaction could then wait
     * for a chain while holding one, and with every chain so held, for ever. Failing loudly beats hanging.
     */
    private static final ThreadLocal<HeadHold> HOLDS_HEAD = new ThreadLocal<>();

    /** Released by the transaction's completion, on whichever thread completes it (a timeout reaper, say). */
    private static final class HeadHold implements Synchronization {
        private volatile boolean held = true;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            held = false;
        }
    }

    /** A chain leased by one transaction, given back when it completes, committed or not. */
    private static final class Lease implements Synchronization {
        private final ChainLeases leases;
        private final String chainId;

        Lease(ChainLeases leases, String chainId) {
            this.leases = leases;
            this.chainId = chainId;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            leases.give(chainId);
        }
    }

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Resource
    private TransactionSynchronizationRegistry transactions;
    @Inject
    private RequestCaller caller;
    @Inject
    private ChainLeases leases;
    @Inject
    private AuditKeys keys;
    @EJB
    private AuditChainsBean chains;
    @EJB
    private CaCertificates ca;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEvent event) {
        append(event);
        HeadHold hold = HOLDS_HEAD.get();
        if (hold == null || !hold.held) {
            hold = new HeadHold();
            HOLDS_HEAD.set(hold);
            transactions.registerInterposedSynchronization(hold);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(AuditEvent event) {
        HeadHold hold = HOLDS_HEAD.get();
        if (hold != null && hold.held) {
            throw new IllegalStateException("a refusal cannot be audited after a success in the same transaction: "
                    + event.event());
        }
        append(event);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditRecordView> records(long fromSeq, int limit) throws ServiceException {
        if (fromSeq < 1 || limit < 1 || limit > MAX_PAGE) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "from must be ≥ 1 and limit 1.." + MAX_PAGE);
        }
        return page(fromSeq, limit).stream().map(AuditTrailBean::view).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditRecordView> activity(String userId, String credentialId, int limit) throws ServiceException {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "limit must be 1.." + MAX_PAGE);
        }
        return (credentialId == null
                ? em.createQuery("select r from AuditRecordEntity r where r.userId = :user order by r.seq desc",
                        AuditRecordEntity.class)
                : em.createQuery("select r from AuditRecordEntity r where r.userId = :user and r.credentialId = :credential "
                        + "order by r.seq desc", AuditRecordEntity.class).setParameter("credential", credentialId))
                .setParameter("user", userId).setMaxResults(limit).getResultList().stream().map(AuditTrailBean::view)
                .toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuditVerification verify() {
        try {
            return new ChainVerifier(em, keys, ca.caCertificate("issuing")).verify();
        } catch (ServiceException e) {
            return new AuditVerification(0, 0, false, List.of("the log could not be verified: " + e.getMessage()), 0, 0,
                    null);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditAnchorView anchor() throws ServiceException {
        return chains.anchor();
    }

    private void append(AuditEvent event) {
        // built before the chain is locked: the next append on this chain waits while this one holds it
        String detail = detailJson(event.details());
        String client = event.clientId() != null ? event.clientId() : caller.clientId();
        try {
            Lease lease = lease();
            byte[] key = keys.chainKey(lease.chainId);
            AuditChainEntity chain = em.find(AuditChainEntity.class, lease.chainId, LockModeType.PESSIMISTIC_WRITE);
            if (chain == null) {
                chains.create(lease.chainId);
                chain = em.find(AuditChainEntity.class, lease.chainId, LockModeType.PESSIMISTIC_WRITE);
            }
            KeyedChain.Record record = new KeyedChain.Record(chain.chainId(), chain.lastSeq() + 1, nextSeq(),
                    AuditChain.timestamp(Instant.now()), event.event(), event.outcome().name(), event.actor(),
                    event.userId(), event.credentialId(), detail, client, event.quantity(), chain.lastMac());
            String mac = KeyedChain.mac(key, record);
            em.persist(new AuditRecordEntity(record, mac));
            chain.advance(record.chainSeq(), mac);
            em.flush();
        } catch (ServiceException e) {
            // nothing may happen unaudited: the caller's action fails with the record
            throw new IllegalStateException("the audit record could not be written: " + e.getMessage(), e);
        }
    }

    /** This transaction's chain: the one it already appended to, else a free one of this node. */
    private Lease lease() {
        Lease lease = (Lease) transactions.getResource(LEASE);
        if (lease != null) {
            return lease;
        }
        lease = new Lease(leases, leases.take());
        try {
            transactions.registerInterposedSynchronization(lease);
        } catch (RuntimeException e) {
            leases.give(lease.chainId);
            throw e;
        }
        transactions.putResource(LEASE, lease);
        return lease;
    }

    private long nextSeq() {
        Long offset = legacyLast;
        if (offset == null) {
            offset = em.find(AuditChainHeadEntity.class, AuditChainHeadEntity.ID).lastSeq();
            legacyLast = offset;
        }
        return offset + ((Number) em.createNativeQuery("SELECT nextval('audit_record_seq')").getSingleResult())
                .longValue();
    }

    private List<AuditRecordEntity> page(long fromSeq, int limit) {
        return em.createQuery("select r from AuditRecordEntity r where r.seq >= :from order by r.seq",
                AuditRecordEntity.class).setParameter("from", fromSeq).setMaxResults(limit).getResultList();
    }

    /** JSON built by the JSON library: quotes, CR, LF and control characters come out escaped (E6). */
    private static String detailJson(Map<String, String> details) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        new TreeMap<>(details).forEach((key, value) -> json.add(key, value == null ? "" : value.length() > MAX_DETAIL_VALUE
                ? value.substring(0, MAX_DETAIL_VALUE) + "…" : value));
        return json.build().toString();
    }

    private static AuditRecordView view(AuditRecordEntity entity) {
        AuditChain.Record r = entity.content();
        return new AuditRecordView(r.seq(), r.recordedAt().toString(), r.event(), r.outcome(), r.actor(), r.userId(),
                r.credentialId(), r.detail(), r.clientId(), r.quantity(), r.prevHash(), entity.recordHash(),
                entity.chainId(), entity.chainSeq());
    }
}
