package org.sigillum.api.audit;

import java.util.List;

/** The result of walking the whole chain: how many records, and every break found (empty when intact). */
public record AuditVerification(long records, long headSeq, boolean intact, List<String> problems) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }
}
