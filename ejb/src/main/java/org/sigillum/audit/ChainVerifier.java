package org.sigillum.audit;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sigillum.api.audit.AuditVerification;
import org.sigillum.api.error.ServiceException;

/**
 * Walks every chain and checks every anchor. Read in this order, so that concurrent appends never look like
 * damage: anchors first, then the chain heads, then each chain's records up to the head read. An anchor therefore
 * never names a place beyond a head read after it, and a record committed during the walk is simply not counted.
 */
final class ChainVerifier {

    private static final int BATCH = 500;

    private final EntityManager em;
    private final AuditKeys keys;
    private final byte[] tsaIssuer;
    private final List<String> problems = new ArrayList<>();
    private long records;
    private long highestSeq;
    private X509Certificate issuer;

    ChainVerifier(EntityManager em, AuditKeys keys, byte[] tsaIssuer) {
        this.em = em;
        this.keys = keys;
        this.tsaIssuer = tsaIssuer;
    }

    AuditVerification verify() throws ServiceException {
        List<AuditAnchorEntity> anchors = em.createQuery("select a from AuditAnchorEntity a order by a.anchoredAt",
                AuditAnchorEntity.class).getResultList();
        Map<String, List<AnchorImprint.Head>> anchoredHeads = new HashMap<>();
        Map<AnchorImprint.Head, String> anchorNames = new HashMap<>();
        Instant lastAnchor = null;
        for (AuditAnchorEntity anchor : anchors) {
            String name = "the anchor of " + anchor.anchoredAt();
            List<AnchorImprint.Head> heads = checkAnchor(anchor, name);
            if (heads != null) {
                lastAnchor = anchor.anchoredAt();
                for (AnchorImprint.Head head : heads) {
                    anchoredHeads.computeIfAbsent(head.chainId(), c -> new ArrayList<>()).add(head);
                    anchorNames.put(head, name);
                }
            }
        }
        em.clear();
        List<AuditChainEntity> chains = em.createQuery("select c from AuditChainEntity c order by c.chainId",
                AuditChainEntity.class).getResultList();
        List<String> chainIds = new ArrayList<>();
        for (AuditChainEntity chain : chains) {
            chainIds.add(chain.chainId());
            List<AnchorImprint.Head> seen = anchoredHeads.getOrDefault(chain.chainId(), List.of());
            if (AuditChainEntity.LEGACY.equals(chain.chainId())) {
                walkLegacy(chain);
            } else {
                walkKeyed(chain, seen, anchorNames);
            }
        }
        if (!chainIds.contains(AuditChainEntity.LEGACY)) {
            long unsealed = em.createQuery("select count(r) from AuditRecordEntity r where r.chainId = :chain", Long.class)
                    .setParameter("chain", AuditChainEntity.LEGACY).getSingleResult();
            if (unsealed > 0) {
                problems.add("the legacy chain (" + unsealed + " records) is not sealed yet");
            }
            chainIds.add(AuditChainEntity.LEGACY);
        }
        for (Map.Entry<String, List<AnchorImprint.Head>> anchored : anchoredHeads.entrySet()) {
            if (!chainIds.contains(anchored.getKey())) {
                problems.add("chain " + anchored.getKey() + ", which " + anchorNames.get(anchored.getValue().get(0))
                        + " saw, is gone");
            }
        }
        long strays = em.createQuery("select count(r) from AuditRecordEntity r where r.chainId is null"
                + " or r.chainSeq is null or r.chainId not in :chains", Long.class).setParameter("chains", chainIds).getSingleResult();
        if (strays > 0) {
            problems.add(strays + " records belong to no chain");
        }
        return new AuditVerification(records, highestSeq, problems.isEmpty(), problems, chains.size(), anchors.size(),
                lastAnchor == null ? null : lastAnchor.toString());
    }

    /** The anchor's heads when its MAC and time-stamp hold, else null with the problem noted. */
    private List<AnchorImprint.Head> checkAnchor(AuditAnchorEntity anchor, String name) throws ServiceException {
        String expected = AnchorImprint.imprint(keys.anchorKey(), anchor.anchorId(), anchor.anchoredAt().toString(),
                anchor.heads());
        if (!expected.equals(anchor.imprint())) {
            problems.add(name + " was altered: its MAC does not match its chain heads");
            return null;
        }
        try {
            AnchorToken.verify(anchor.tst(), HexFormat.of().parseHex(anchor.imprint()), issuer());
            return AnchorImprint.parse(anchor.heads());
        } catch (AnchorToken.InvalidToken | IllegalArgumentException e) {
            problems.add(name + " does not hold: " + e.getMessage());
            return null;
        }
    }

    /** Parsed once per verification, not once per anchor. */
    private X509Certificate issuer() throws AnchorToken.InvalidToken {
        if (issuer != null) {
            return issuer;
        }
        if (tsaIssuer == null) {
            throw new AnchorToken.InvalidToken("the built-in CA is not initialised");
        }
        try {
            issuer = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(tsaIssuer));
            return issuer;
        } catch (CertificateException e) {
            throw new AnchorToken.InvalidToken("the built-in CA's certificate does not parse");
        }
    }

    private void walkKeyed(AuditChainEntity head, List<AnchorImprint.Head> anchored,
                           Map<AnchorImprint.Head, String> anchorNames) throws ServiceException {
        KeyedChain.Walk walk = new KeyedChain.Walk(head.chainId(), keys.chainKey(head.chainId()));
        for (AnchorImprint.Head seen : anchored) {
            walk.anchoredAt(seen.lastSeq(), seen.lastMac(), anchorNames.get(seen));
        }
        long after = 0;
        List<AuditRecordEntity> batch;
        do {
            batch = page(head.chainId(), after, head.lastSeq());
            for (AuditRecordEntity record : batch) {
                walk.next(record.keyedContent(), record.recordHash());
                after = record.chainSeq();
            }
            em.clear();
        } while (batch.size() == BATCH);
        problems.addAll(walk.finish(head.lastSeq(), head.lastMac()));
        records += walk.seen();
        highestSeq = Math.max(highestSeq, walk.maxRecordSeq());
        checkNothingBeyond(head);
    }

    /**
     * Records past the head read are either appended since (the head has moved on meanwhile) or were put there
     * by hand: a forged tail whose chain head was left alone.
     */
    private void checkNothingBeyond(AuditChainEntity head) {
        Long beyond = em.createQuery("select max(r.chainSeq) from AuditRecordEntity r where r.chainId = :chain",
                Long.class).setParameter("chain", head.chainId()).getSingleResult();
        if (beyond != null && beyond > head.lastSeq()) {
            Long now = em.createQuery("select c.lastSeq from AuditChainEntity c where c.chainId = :chain", Long.class)
                    .setParameter("chain", head.chainId()).getSingleResult();
            if (beyond > now) {
                problems.add("chain " + head.chainId() + " has records up to #" + beyond + " beyond its head #" + now);
            }
        }
    }

    private void walkLegacy(AuditChainEntity sealed) throws ServiceException {
        if (sealed.sealedAt() == null || sealed.sealMac() == null || !KeyedChain.sealMac(keys.chainKey(sealed.chainId()),
                sealed.lastSeq(), sealed.lastMac(), sealed.sealedAt()).equals(sealed.sealMac())) {
            problems.add("the seal of the legacy chain was altered");
        }
        AuditChain.Walk walk = new AuditChain.Walk();
        long after = 0;
        List<AuditRecordEntity> batch;
        do {
            batch = page(AuditChainEntity.LEGACY, after, Long.MAX_VALUE);
            for (AuditRecordEntity record : batch) {
                walk.next(legacyContent(record), record.recordHash());
                after = record.chainSeq();
                highestSeq = Math.max(highestSeq, record.seq());
            }
            em.clear();
        } while (batch.size() == BATCH);
        problems.addAll(walk.finish(sealed.lastSeq(), sealed.lastMac()));
        records += walk.seen();
    }

    /**
     * A legacy record as it was hashed. Before times were pinned to UTC, a node outside UTC stored its local
     * wall-clock time; such a record reads back shifted now, and is hashed as it was written.
     */
    static AuditChain.Record legacyContent(AuditRecordEntity entity) {
        AuditChain.Record read = entity.content();
        ZoneId zone = ZoneId.systemDefault();
        if (AuditChain.hash(read).equals(entity.recordHash()) || zone.normalized().equals(ZoneOffset.UTC)) {
            return read;
        }
        Instant written = read.recordedAt().atZone(ZoneOffset.UTC).toLocalDateTime().atZone(zone).toInstant();
        AuditChain.Record local = new AuditChain.Record(read.seq(), written, read.event(), read.outcome(), read.actor(),
                read.userId(), read.credentialId(), read.detail(), read.clientId(), read.quantity(), read.prevHash());
        return AuditChain.hash(local).equals(entity.recordHash()) ? local : read;
    }

    private List<AuditRecordEntity> page(String chainId, long after, long upTo) {
        return em.createQuery("select r from AuditRecordEntity r where r.chainId = :chain and r.chainSeq > :after"
                        + " and r.chainSeq <= :upTo order by r.chainSeq", AuditRecordEntity.class)
                .setParameter("chain", chainId).setParameter("after", after).setParameter("upTo", upTo)
                .setMaxResults(BATCH).getResultList();
    }
}
