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
 * Removes a SAD and claims it in the single-use ledger, in a transaction of its own that commits before any
 * signature is made: two consumers of one SAD get it once between them, on one node (the cache's pessimistic
 * lock) or on two that cannot see each other (the ledger), and a failure after signing cannot roll the removal
 * back and make the SAD usable again (checklist A1, A8, A9, F2).
 */
@Stateless
@LocalBean
public class SadConsumerBean {

    @Resource(lookup = SadStore.CACHE)
    private Cache<String, SadRecord> sads;
    @EJB
    private SingleUseLedger ledger;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SadRecord consume(String key) {
        SadRecord record = sads.remove(key);
        return record != null && ledger.claim("sad", key) ? record : null;
    }
}
