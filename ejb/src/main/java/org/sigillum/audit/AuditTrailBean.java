package org.sigillum.audit;

import jakarta.annotation.Resource;
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
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.audit.AuditRecordView;
import org.sigillum.api.audit.AuditVerification;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;

/**
 * Appends to the hash-chained audit log. Every append locks the chain head row, so appends from all nodes
 * are serialised by the database and the sequence stays gapless.
 */
@Stateless
public class AuditTrailBean implements AuditTrail {

    private static final int MAX_DETAIL_VALUE = 256;
    private static final int MAX_PAGE = 1000;
    private static final int VERIFY_BATCH = 500;
    /** Looked up once: {@code Json.createObjectBuilder()} searches the class path for a provider on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /**
     * Set while this thread's transaction holds the chain head: a refusal recorded in a new transaction would then
     * wait for a lock its own thread holds, for ever. Failing loudly beats hanging a request thread.
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

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Resource
    private TransactionSynchronizationRegistry transactions;
    @Inject
    private RequestCaller caller;

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
    public AuditVerification verify() {
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, AuditChainHeadEntity.ID);
        AuditChain.Walk walk = new AuditChain.Walk();
        long from = 1;
        List<AuditRecordEntity> batch;
        do {
            batch = page(from, VERIFY_BATCH);
            for (AuditRecordEntity record : batch) {
                walk.next(record.content(), record.recordHash());
                from = record.seq() + 1;
            }
            em.clear();
        } while (batch.size() == VERIFY_BATCH);
        List<String> problems = walk.finish(head.lastSeq(), head.lastHash());
        return new AuditVerification(walk.seen(), head.lastSeq(), problems.isEmpty(), problems);
    }

    private void append(AuditEvent event) {
        // built before the head is locked: every other append in the cluster waits while this one holds it
        String detail = detailJson(event.details());
        String client = event.clientId() != null ? event.clientId() : caller.clientId();
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, AuditChainHeadEntity.ID,
                LockModeType.PESSIMISTIC_WRITE);
        AuditChain.Record record = new AuditChain.Record(head.lastSeq() + 1, AuditChain.timestamp(Instant.now()),
                event.event(), event.outcome().name(), event.actor(), event.userId(), event.credentialId(), detail,
                client, event.quantity(), head.lastHash());
        String hash = AuditChain.hash(record);
        em.persist(new AuditRecordEntity(record, hash));
        head.advance(record.seq(), hash);
        em.flush();
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
                r.credentialId(), r.detail(), r.clientId(), r.quantity(), r.prevHash(), entity.recordHash());
    }
}
