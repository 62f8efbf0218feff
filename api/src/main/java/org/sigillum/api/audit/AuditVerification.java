package org.sigillum.api.audit;

import java.util.List;

/**
 * The result of walking every audit chain: how many records, the highest record number, every break found (empty
 * when intact), how many chains and anchors were checked, and when the latest anchor was made (null: none yet).
 */
public record AuditVerification(long records, long headSeq, boolean intact, List<String> problems, int chains,
                                long anchors, String lastAnchorAt) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }
}
