package org.sigillum.oauth;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.sigillum.sam.auth.Digests;
import org.sigillum.sam.once.SingleUseLedger;
import org.sigillum.sam.sad.SadStore;

/**
 * Authorization codes in the cluster-wide {@code oauth-codes} cache, under their SHA-256. A code is redeemed
 * in a transaction of its own under the cache's pessimistic lock and claimed in the single-use ledger, so two
 * concurrent redemptions get it once, even on two nodes of a split cluster.
 */
@Stateless
@LocalBean
public class AuthorizationCodesBean {

    static final String CACHE = "java:jboss/infinispan/cache/sigillum/oauth-codes";
    /** How long a spent code is remembered, to recognise replays after its own 60 s life. */
    private static final long SPENT_MEMORY_MINUTES = 15;
    static final long LIFETIME_SECONDS = 60;

    /** A fresh grant, or the family to revoke because the code was already spent, or neither (unknown code). */
    record Redemption(CodeGrant grant, String replayedFamily) {
    }

    @Resource(lookup = CACHE)
    private Cache<String, CodeGrant> codes;
    @EJB
    private SingleUseLedger ledger;

    public String issue(CodeGrant grant) {
        String code = SadStore.newValue();
        codes.put(Digests.sha256Hex(code), grant, LIFETIME_SECONDS, TimeUnit.SECONDS);
        return code;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Redemption redeem(String code) {
        String key = Digests.sha256Hex(code);
        codes.getAdvancedCache().lock(key);
        CodeGrant grant = codes.get(key);
        if (grant == null) {
            return new Redemption(null, null);
        }
        if (grant.spent() || !ledger.claim("code", key)) {
            return new Redemption(null, grant.familyId());
        }
        codes.put(key, grant.asSpent(), SPENT_MEMORY_MINUTES, TimeUnit.MINUTES);
        return new Redemption(grant, null);
    }
}
