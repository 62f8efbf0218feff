package org.sigillum.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the audit log, as plain Java: how a record's hash is computed, and what a walk over the
 * records finds wrong. Each hash covers every field and the previous hash, in a length-prefixed encoding.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    /** A record's content, everything the hash covers. */
    public record Record(long seq, Instant recordedAt, String event, String outcome, String actor, String userId,
                         String credentialId, String detail, String clientId, Integer quantity, String prevHash) {
    }

    private AuditChain() {
    }

    /** Timestamps are kept at millisecond precision, which every database stores and returns unchanged. */
    public static Instant timestamp(Instant now) {
        return now.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String hash(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, Long.toString(record.seq()));
        field(out, record.recordedAt().toString());
        field(out, record.event());
        field(out, record.outcome());
        field(out, record.actor());
        field(out, record.userId());
        field(out, record.credentialId());
        field(out, record.detail());
        field(out, record.clientId());
        field(out, record.quantity() == null ? null : record.quantity().toString());
        field(out, record.prevHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks records in sequence order; call {@link #finish} with the head when all were seen. */
    public static final class Walk {
        private final List<String> problems = new ArrayList<>();
        private long expectedSeq = 1;
        private String expectedPrev = GENESIS;
        private long seen;

        public void next(Record record, String storedHash) {
            seen++;
            if (record.seq() != expectedSeq) {
                problems.add("records " + expectedSeq + " to " + (record.seq() - 1) + " are missing");
            }
            if (!record.prevHash().equals(expectedPrev)) {
                problems.add("record " + record.seq() + " does not follow the record before it");
            }
            if (!hash(record).equals(storedHash)) {
                problems.add("record " + record.seq() + " was altered");
            }
            expectedSeq = record.seq() + 1;
            expectedPrev = storedHash;
        }

        public List<String> finish(long headSeq, String headHash) {
            if (expectedSeq - 1 != headSeq) {
                problems.add("the chain ends at " + (expectedSeq - 1) + " but its head says " + headSeq);
            } else if (!expectedPrev.equals(headHash)) {
                problems.add("the last record does not match the chain head");
            }
            return List.copyOf(problems);
        }

        public long seen() {
            return seen;
        }
    }

    /** Length-prefixed UTF-8, 0xff for null: no two different field lists encode alike. */
    static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0xff);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
