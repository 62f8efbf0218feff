package org.sigillum.sam.sad;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.infinispan.Cache;
import org.sigillum.sam.once.SingleUseLedger;

/**
 * Spends a SAD in two places: the replicated SAD cache, and the single-use ledger in the shared database. Two
 * consumers of one SAD get it once between them, on one node (the cache's pessimistic lock) or on two that cannot
 * see each other (the ledger), and a failure after signing cannot make the SAD usable again (checklist A1, A8, A9,
 * F2).
 */
@Stateless
@LocalBean
public class SadConsumerBean {

    @Resource(lookup = SadStore.CACHE)
    private Cache<String, SadRecord> sads;
    @EJB
    private SingleUseLedger ledger;

    /**
     * Removes and claims in a transaction of its own that commits before this returns: for the paths that do
     * not sign in the caller's transaction (extending a transaction, withdrawing a SAD).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SadRecord consume(String key) {
        SadRecord record = sads.remove(key);
        return record != null && ledger.claim("sad", key) ? record : null;
    }

    /**
     * Removes the SAD from the cache outside the caller's transaction, so that the removal is committed, and
     * replicated to every node in the view, before the HSM signs: no rollback of the signing transaction (a
     * database connection lost after the HSM signed, say) can put the SAD back (A9). The claim in the ledger is
     * left to the caller's transaction ({@link SingleUseLedger#claim}, which joins it): it commits with the
     * signature's audit record, in the one database commit of the call. A node on the other side of a split that
     * still holds the SAD in its cache waits there for that transaction and loses if it commits; if it rolls back,
     * no signature of this call was returned, so at most one signature leaves the cluster per SAD (A8, F2).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SadRecord remove(String key) {
        return sads.remove(key);
    }
}
