package org.sigillum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final List<String> USERS = List.of("a", "b");

    @Test
    void everyReturnedSignatureAuditedIsNoMismatch() {
        Reconciliation r = Reconciliation.of(USERS, Map.of("a", 7L, "b", 3L), Map.of(), Map.of("a", 7L, "b", 3L));
        assertEquals(new Reconciliation(10, 0, 10, 0), r);
    }

    @Test
    void aReturnedSignatureWithoutItsRecordIsAMismatchEvenWithAnswersLost() {
        Reconciliation r = Reconciliation.of(USERS, Map.of("a", 7L), Map.of("a", 5L), Map.of("a", 6L));
        assertEquals(1, r.mismatches());
    }

    @Test
    void recordsBeyondTheReturnedSignaturesAreExplainedOnlyByAnswersLost() {
        assertEquals(0, Reconciliation.of(USERS, Map.of("a", 7L), Map.of("a", 2L), Map.of("a", 9L)).mismatches());
        assertEquals(1, Reconciliation.of(USERS, Map.of("a", 7L), Map.of("a", 2L), Map.of("a", 10L)).mismatches());
    }

    @Test
    void oneSignersSurplusDoesNotHideAnothersShortfall() {
        Reconciliation r = Reconciliation.of(USERS, Map.of("a", 5L, "b", 5L), Map.of(), Map.of("a", 6L, "b", 4L));
        assertEquals(2, r.mismatches());
        assertEquals(10, r.audited());
    }

    @Test
    void usersOutsideTheListAreNotCounted() {
        Reconciliation r = Reconciliation.of(List.of("a"), Map.of("a", 1L), Map.of(), Map.of("a", 1L, "c", 50L));
        assertEquals(new Reconciliation(1, 0, 1, 0), r);
    }
}
