package org.sigillum.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123Z");

    /** A chain of n records: content and stored hash. */
    private static List<Object[]> chain(int n) {
        List<Object[]> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditChain.Record r = new AuditChain.Record(i, T0.plusSeconds(i), "USER_CREATED", "SUCCESS", "operator",
                    "user-" + i, null, "{\"username\":\"u" + i + "\"}", "client-" + i, i, prev);
            prev = AuditChain.hash(r);
            out.add(new Object[] {r, prev});
        }
        return out;
    }

    private static List<String> walk(List<Object[]> records, long headSeq, String headHash) {
        AuditChain.Walk walk = new AuditChain.Walk();
        for (Object[] r : records) {
            walk.next((AuditChain.Record) r[0], (String) r[1]);
        }
        return walk.finish(headSeq, headHash);
    }

    private static String last(List<Object[]> records) {
        return (String) records.get(records.size() - 1)[1];
    }

    @Test
    void intactChainHasNoProblems() {
        List<Object[]> records = chain(5);
        assertEquals(List.of(), walk(records, 5, last(records)));
    }

    @Test
    void emptyChainMatchesTheGenesisHead() {
        assertEquals(List.of(), walk(List.of(), 0, AuditChain.GENESIS));
    }

    @Test
    void e2AlteredFieldIsFound() {
        List<Object[]> records = chain(5);
        AuditChain.Record r = (AuditChain.Record) records.get(2)[0];
        records.set(2, new Object[] {new AuditChain.Record(r.seq(), r.recordedAt(), r.event(), "REFUSED", r.actor(),
                r.userId(), r.credentialId(), r.detail(), r.clientId(), r.quantity(), r.prevHash()), records.get(2)[1]});
        assertEquals(List.of("record 3 was altered"), walk(records, 5, last(records)));
    }

    @Test
    void e2RecomputedHashOfAnAlteredRecordBreaksTheNextLink() {
        List<Object[]> records = chain(5);
        AuditChain.Record r = (AuditChain.Record) records.get(2)[0];
        AuditChain.Record forged = new AuditChain.Record(r.seq(), r.recordedAt(), r.event(), r.outcome(), "someone-else",
                r.userId(), r.credentialId(), r.detail(), r.clientId(), r.quantity(), r.prevHash());
        records.set(2, new Object[] {forged, AuditChain.hash(forged)});
        assertEquals(List.of("record 4 does not follow the record before it"), walk(records, 5, last(records)));
    }

    @Test
    void e3MissingRecordInTheMiddleIsFound() {
        List<Object[]> records = chain(5);
        records.remove(2);
        List<String> problems = walk(records, 5, last(records));
        assertTrue(problems.contains("records 3 to 3 are missing"), problems.toString());
        assertTrue(problems.contains("record 4 does not follow the record before it"), problems.toString());
    }

    @Test
    void truncatedTailIsFoundAgainstTheHead() {
        List<Object[]> records = chain(5);
        String headHash = last(records);
        records.remove(4);
        assertEquals(List.of("the chain ends at 4 but its head says 5"), walk(records, 5, headHash));
    }

    @Test
    void hashCoversEveryFieldAndTellsNullFromEmpty() {
        AuditChain.Record r = new AuditChain.Record(1, T0, "E", "SUCCESS", "a", null, null, "{}", null, null, AuditChain.GENESIS);
        AuditChain.Record empty = new AuditChain.Record(1, T0, "E", "SUCCESS", "a", "", null, "{}", null, null, AuditChain.GENESIS);
        AuditChain.Record shifted = new AuditChain.Record(1, T0, "E", "SUCCESS", "a", null, "", "{}", null, null, AuditChain.GENESIS);
        assertNotEquals(AuditChain.hash(r), AuditChain.hash(empty));
        assertNotEquals(AuditChain.hash(empty), AuditChain.hash(shifted));
        assertEquals(64, AuditChain.hash(r).length());
        AuditChain.Record otherClient = new AuditChain.Record(1, T0, "E", "SUCCESS", "a", null, null, "{}", "c", null,
                AuditChain.GENESIS);
        AuditChain.Record counted = new AuditChain.Record(1, T0, "E", "SUCCESS", "a", null, null, "{}", null, 3,
                AuditChain.GENESIS);
        assertNotEquals(AuditChain.hash(r), AuditChain.hash(otherClient));
        assertNotEquals(AuditChain.hash(r), AuditChain.hash(counted));
    }

    @Test
    void timestampsKeepMillisecondsOnly() {
        assertEquals(Instant.parse("2026-11-26T10:00:00.123Z"), AuditChain.timestamp(Instant.parse("2026-11-26T10:00:00.123456789Z")));
    }
}
