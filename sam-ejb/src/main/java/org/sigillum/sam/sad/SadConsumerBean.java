package org.sigillum.sam.sad;

import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.infinispan.Cache;

/**
 * Removes a SAD in a transaction of its own that commits before any signature is made: two consumers of one
 * SAD get it once between them (pessimistic lock in the cache), and a failure after signing cannot roll the
 * removal back and make the SAD usable again (checklist A1, A8, A9).
 */
@Stateless
@LocalBean
public class SadConsumerBean {

    @Resource(lookup = SadStore.CACHE)
    private Cache<String, SadRecord> sads;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SadRecord consume(String key) {
        return sads.remove(key);
    }
}
