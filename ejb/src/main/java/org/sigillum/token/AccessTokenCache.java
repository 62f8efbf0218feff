package org.sigillum.token;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;
import org.sigillum.api.auth.TokenPrincipal;

/**
 * Live access tokens this node has looked up, by digest, so that a signing call does not read its token from the
 * database every time (issue 12). An entry lives until its token expires or {@code sigillum.token.cache-seconds}
 * pass, whichever is first. Any revocation or deletion of tokens empties the cache of every node once its
 * transaction commits, through the replicated {@code token-revocations} cache, whose synchronous listener clears
 * each node before the revoking call returns (as {@code key-evictions} does for cached keys). A lookup that raced
 * with a clear is not kept: each clear moves a generation, and an entry read under an older one is dropped.
 * A node cut off from the others (a split) keeps its entries for at most the cache lifetime.
 */
@ApplicationScoped
public class AccessTokenCache {

    static final String CACHE = "java:jboss/infinispan/cache/sigillum/token-revocations";
    /** Only a bound on memory: a full cache is emptied and fills again from the database. */
    private static final int MAX_ENTRIES = 100_000;
    private static final Object PENDING_CLEAR = new Object();
    private static final Logger LOG = Logger.getLogger(AccessTokenCache.class.getName());

    private record Entry(TokenPrincipal principal, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @Resource(lookup = CACHE)
    private Cache<String, Long> revocations;
    @Resource
    private TransactionSynchronizationRegistry transactions;
    @Inject
    @ConfigProperty(name = "sigillum.token.cache-seconds", defaultValue = "60")
    long cacheSeconds;

    private ClearListener listener;

    @PostConstruct
    void listen() {
        // registered before anything is cached here, so no revocation elsewhere can be missed by a cached entry
        listener = new ClearListener(this);
        revocations.addListener(listener);
    }

    @PreDestroy
    void stopListening() {
        revocations.removeListener(listener);
    }

    /** The principal of a live token looked up here before, or null. */
    public TokenPrincipal find(String digest, Instant now) {
        Entry entry = entries.get(digest);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(digest, entry);
            return null;
        }
        return entry.principal();
    }

    /** Read before the database lookup whose result is passed to {@link #remember}. */
    public long generation() {
        return generation.get();
    }

    /** Keeps a live token's principal, unless a clear happened since {@code seenGeneration} was read. */
    public void remember(String digest, TokenPrincipal principal, Instant expiresAt, long seenGeneration, Instant now) {
        if (cacheSeconds <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Instant bound = now.plusSeconds(cacheSeconds);
        Entry entry = new Entry(principal, expiresAt.isBefore(bound) ? expiresAt : bound);
        entries.put(digest, entry);
        // a clear that ran after the lookup began may have missed this entry: the lookup may have seen the token
        // before the revocation committed
        if (generation.get() != seenGeneration) {
            entries.remove(digest, entry);
        }
    }

    /**
     * Empties this node's cache now, and every node's once the current transaction commits (at once without one):
     * called by whatever revokes or deletes tokens.
     */
    public void forgetEverywhere() {
        clearHere();
        if (transactions.getTransactionKey() == null) {
            clearOthers();
            return;
        }
        if (transactions.getResource(PENDING_CLEAR) == null) {
            transactions.putResource(PENDING_CLEAR, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    // the tokens were read live up to the commit: clear again, here and everywhere
                    clearHere();
                    if (status == Status.STATUS_COMMITTED) {
                        clearOthers();
                    }
                }
            });
        }
    }

    /** Package-private for the unit test; a revocation goes through {@link #forgetEverywhere}. */
    void clearHere() {
        generation.incrementAndGet();
        entries.clear();
    }

    private void clearOthers() {
        try {
            revocations.put(UUID.randomUUID().toString(), System.currentTimeMillis(), 10, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            // the revocation stands in the database; a node that missed it drops its entries within cache-seconds
            LOG.log(Level.WARNING, "could not tell the other nodes to forget cached access tokens", e);
        }
    }

    /** Another node's revocation, replicated here. */
    @Listener
    public static final class ClearListener {

        private final AccessTokenCache cache;

        ClearListener(AccessTokenCache cache) {
            this.cache = cache;
        }

        @CacheEntryCreated
        @CacheEntryModified
        public void revoked(CacheEntryEvent<String, Long> event) {
            if (!event.isPre() && !event.isOriginLocal()) {
                cache.clearHere();
            }
        }
    }
}
