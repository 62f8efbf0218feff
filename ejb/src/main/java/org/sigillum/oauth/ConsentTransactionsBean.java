package org.sigillum.oauth;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.SingleUseClaims;

/**
 * The browsers' ways through login and consent, in the cluster-wide {@code consent} cache so any node can serve
 * the next step. Each step is reached only with the CSRF value of the form before it; each failed guess
 * counts, and the fifth ends the transaction. A completed consent is claimed in the single-use ledger, so it
 * yields one code, even on both sides of a split cluster.
 */
@Stateless
@LocalBean
public class ConsentTransactionsBean {

    static final String CACHE = "java:jboss/infinispan/cache/sigillum/consent";
    private static final long LIFETIME_SECONDS = 600;
    static final int MAX_FAILURES = 5;

    @Resource(lookup = CACHE)
    private Cache<String, AuthorizationTransaction> transactions;
    @EJB
    private SingleUseClaims claims;

    public AuthorizationTransaction open(PendingAuthorization pending) {
        AuthorizationTransaction transaction = new AuthorizationTransaction(RandomValues.newValue(),
                RandomValues.newValue(), pending, null, null, null, 0);
        save(transaction);
        return transaction;
    }

    /** The transaction a form names, if the form carries its current CSRF value. */
    public AuthorizationTransaction find(String id, String csrf) throws ServiceException {
        AuthorizationTransaction transaction = id == null ? null : transactions.get(id);
        if (transaction == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "this sign-in has expired; start again from the application");
        }
        if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                transaction.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new ServiceException(ErrorCode.ACCESS_DENIED, "the form is stale or forged; start again from the application");
        }
        return transaction;
    }

    /** The transaction by its ID alone, for what the consent page loads besides the form (its previews). */
    public AuthorizationTransaction peek(String id) {
        return id == null ? null : transactions.get(id);
    }

    /** The transaction signed in as this user, with a fresh CSRF value and the failures forgiven. */
    public AuthorizationTransaction authenticated(AuthorizationTransaction transaction, String userId, String userName,
                                                  Instant at) {
        AuthorizationTransaction authenticated = transaction.authenticated(RandomValues.newValue(), userId, userName, at);
        save(authenticated);
        return authenticated;
    }

    /** Counts a wrong guess: the transaction with a fresh CSRF value, or empty once the limit ended it. */
    public Optional<AuthorizationTransaction> failed(AuthorizationTransaction transaction) {
        AuthorizationTransaction failed = transaction.failed(RandomValues.newValue());
        if (failed.failures() >= MAX_FAILURES) {
            drop(transaction);
            return Optional.empty();
        }
        save(failed);
        return Optional.of(failed);
    }

    public void drop(AuthorizationTransaction transaction) {
        transactions.remove(transaction.id());
    }

    /** Ends the transaction for good; false if another request completed it first. */
    public boolean complete(AuthorizationTransaction transaction) {
        return transactions.remove(transaction.id()) != null
                && claims.claim("consent", RandomValues.digest(transaction.id()));
    }

    private void save(AuthorizationTransaction transaction) {
        transactions.put(transaction.id(), transaction, LIFETIME_SECONDS, TimeUnit.SECONDS);
    }
}
