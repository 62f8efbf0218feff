package org.sigillum.audit;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed audit chain, as plain Java: each record's MAC (HMAC-SHA256 under the chain's key, which only the HSM can
 * derive) covers every field, the record's place in its chain and the MAC before it. Whoever can write the
 * database but not use the HSM can neither forge a record nor re-link a chain after editing or removing one.
 */
public final class KeyedChain {

    public static final String GENESIS = AuditChain.GENESIS;
    private static final String ALGORITHM = "HmacSHA256";

    /** A record's content, everything the MAC covers. */
    public record Record(String chainId, long chainSeq, long seq, Instant recordedAt, String event, String outcome,
                         String actor, String userId, String credentialId, String detail, String clientId,
                         Integer quantity, String prevMac) {
    }

    private KeyedChain() {
    }

    public static String mac(byte[] chainKey, Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditChain.field(out, "sigillum/audit-record/v1");
        AuditChain.field(out, record.chainId());
        AuditChain.field(out, Long.toString(record.chainSeq()));
        AuditChain.field(out, Long.toString(record.seq()));
        AuditChain.field(out, record.recordedAt().toString());
        AuditChain.field(out, record.event());
        AuditChain.field(out, record.outcome());
        AuditChain.field(out, record.actor());
        AuditChain.field(out, record.userId());
        AuditChain.field(out, record.credentialId());
        AuditChain.field(out, record.detail());
        AuditChain.field(out, record.clientId());
        AuditChain.field(out, record.quantity() == null ? null : record.quantity().toString());
        AuditChain.field(out, record.prevMac());
        return hmacHex(chainKey, out.toByteArray());
    }

    /**
     * The seal of the legacy chain: its final head and the moment it was sealed, MAC'd under the legacy chain's
     * key. After the seal, a legacy record cannot be edited and the chain re-hashed without the HSM.
     */
    public static String sealMac(byte[] legacyKey, long lastSeq, String lastHash, Instant sealedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditChain.field(out, "sigillum/audit-seal/v1");
        AuditChain.field(out, Long.toString(lastSeq));
        AuditChain.field(out, lastHash);
        AuditChain.field(out, sealedAt.toString());
        return hmacHex(legacyKey, out.toByteArray());
    }

    static String hmacHex(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Walks one chain's records in chain order; anchors name places the chain must still reach, with the MAC found
     * there when they were made. Call {@link #finish} with the chain's head when all records were seen.
     */
    public static final class Walk {
        private final String chainId;
        private final byte[] key;
        private final List<String> problems = new ArrayList<>();
        /** By chain place: looked up once per record, however many anchors there are. */
        private final Map<Long, List<Checkpoint>> checkpoints = new HashMap<>();
        private Checkpoint furthest;
        private long expectedSeq = 1;
        private String expectedPrev = GENESIS;
        private long seen;
        private long maxRecordSeq;

        private record Checkpoint(long chainSeq, String mac, String anchor) {
        }

        public Walk(String chainId, byte[] key) {
            this.chainId = chainId;
            this.key = key.clone();
        }

        /** An anchor ({@code anchor} names it in problems) saw this chain's head at {@code chainSeq}, {@code mac}. */
        public void anchoredAt(long chainSeq, String mac, String anchor) {
            if (chainSeq > 0) {
                Checkpoint checkpoint = new Checkpoint(chainSeq, mac, anchor);
                checkpoints.computeIfAbsent(chainSeq, s -> new ArrayList<>()).add(checkpoint);
                if (furthest == null || chainSeq > furthest.chainSeq()) {
                    furthest = checkpoint;
                }
            }
        }

        public void next(Record record, String storedMac) {
            seen++;
            maxRecordSeq = Math.max(maxRecordSeq, record.seq());
            String where = "record " + record.seq() + " (chain " + chainId + " #" + record.chainSeq() + ")";
            if (record.chainSeq() != expectedSeq) {
                problems.add("chain " + chainId + ": records #" + expectedSeq + " to #" + (record.chainSeq() - 1)
                        + " are missing");
            }
            if (!record.prevMac().equals(expectedPrev)) {
                problems.add(where + " does not follow the record before it");
            }
            if (!record.chainId().equals(chainId) || !mac(key, record).equals(storedMac)) {
                problems.add(where + " was altered");
            }
            for (Checkpoint checkpoint : checkpoints.getOrDefault(record.chainSeq(), List.of())) {
                if (!checkpoint.mac().equals(storedMac)) {
                    problems.add(where + " is not the record that " + checkpoint.anchor() + " saw there");
                }
            }
            expectedSeq = record.chainSeq() + 1;
            expectedPrev = storedMac;
        }

        public List<String> finish(long headSeq, String headMac) {
            long last = expectedSeq - 1;
            if (last != headSeq) {
                problems.add("chain " + chainId + " ends at #" + last + " but its head says #" + headSeq);
            } else if (!expectedPrev.equals(headMac)) {
                problems.add("the last record of chain " + chainId + " does not match the chain head");
            }
            if (furthest != null && furthest.chainSeq() > last) {
                problems.add("chain " + chainId + " ends at #" + last + " but " + furthest.anchor() + " saw it at #"
                        + furthest.chainSeq() + ": its tail was truncated");
            }
            return List.copyOf(problems);
        }

        public long seen() {
            return seen;
        }

        /** The highest global record number seen on this chain. */
        public long maxRecordSeq() {
            return maxRecordSeq;
        }
    }
}
