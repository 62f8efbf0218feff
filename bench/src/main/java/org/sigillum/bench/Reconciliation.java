package org.sigillum.bench;

import java.util.Collection;
import java.util.Map;

/**
 * Signatures returned to the clients against the audit trail's signature records, signer by signer. Every returned
 * signature must have its record, and every record a signature that was returned, except where the call's answer
 * was lost (a node killed after its commit, a balancer's error page): those signatures were possibly made and
 * never delivered, so up to that many records more than returned signatures are not a mismatch.
 */
record Reconciliation(long returned, long inDoubt, long audited, long mismatches) {

    static Reconciliation of(Collection<String> userIds, Map<String, Long> returned, Map<String, Long> inDoubt,
                             Map<String, Long> audited) {
        long totalReturned = 0;
        long totalInDoubt = 0;
        long totalAudited = 0;
        long mismatches = 0;
        for (String userId : userIds) {
            long r = returned.getOrDefault(userId, 0L);
            long d = inDoubt.getOrDefault(userId, 0L);
            long a = audited.getOrDefault(userId, 0L);
            mismatches += Math.max(0, r - a) + Math.max(0, a - r - d);
            totalReturned += r;
            totalInDoubt += d;
            totalAudited += a;
        }
        return new Reconciliation(totalReturned, totalInDoubt, totalAudited, mismatches);
    }

    Reconciliation plus(Reconciliation other) {
        return new Reconciliation(returned + other.returned, inDoubt + other.inDoubt, audited + other.audited,
                mismatches + other.mismatches);
    }
}
