package org.sigillum.keys;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;

/**
 * Evicts a credential's unwrapped key from the key cache of every node (issue 11 item 7). Each node's cache lives
 * in its own resource adapter, so revocation and deletion used to evict only where they were handled, and the
 * other nodes kept the key object for up to its cache lifetime. Now they also write the credential into the
 * replicated {@code key-evictions} cache; a synchronous listener on every node evicts it from that node's adapter
 * while the write is replicated, so once {@link #evictEverywhere} returns, the nodes in the view have dropped the
 * key. A node outside the view (a split) keeps it until its lifetime ends; what stops it from signing there is the
 * credential's state, checked at signing time, not the cache.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyEvictionsBean {

    static final String CACHE = "java:jboss/infinispan/cache/sigillum/key-evictions";
    /** Longer than any key may stay cached (KeyStoreServiceBean's MAX_KEY_CACHE_SECONDS): only a bound on memory. */
    private static final long REMEMBERED_HOURS = 2;
    private static final Logger LOG = Logger.getLogger(KeyEvictionsBean.class.getName());

    @Resource(lookup = CACHE)
    private Cache<String, Long> evictions;
    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;
    @Resource
    private SessionContext context;

    private EvictionListener listener;

    @PostConstruct
    void listen() {
        // the listener calls back through the container, so the adapter is used inside an EJB invocation even
        // on the replication thread that delivers another node's write
        listener = new EvictionListener(context.getBusinessObject(KeyEvictionsBean.class));
        evictions.addListener(listener);
    }

    @PreDestroy
    void stopListening() {
        evictions.removeListener(listener);
    }

    /** Evicts here, then on every other node in the view; the local eviction does not depend on the cluster. */
    public void evictEverywhere(String credentialId) throws ServiceException {
        evictHere(credentialId);
        try {
            evictions.put(credentialId, System.currentTimeMillis(), REMEMBERED_HOURS, TimeUnit.HOURS);
        } catch (RuntimeException e) {
            // revocation must not fail because a peer is unreachable: the cached key expires there on its own,
            // and the credential's state refuses it at signing time on every node
            LOG.log(Level.WARNING, "could not tell the other nodes to evict the cached key of " + credentialId, e);
        }
    }

    /** Evicts the credential's key from this node's adapter only. */
    public void evictHere(String credentialId) throws ServiceException {
        try (HsmConnection connection = hsm.getConnection()) {
            connection.evictCachedKey(credentialId);
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("key cache eviction", e);
        }
    }

    /** Another node's eviction, replicated here: evict the same credential from this node's adapter. */
    @Listener
    public static final class EvictionListener {

        private final KeyEvictionsBean bean;

        EvictionListener(KeyEvictionsBean bean) {
            this.bean = bean;
        }

        @CacheEntryCreated
        @CacheEntryModified
        public void evicted(CacheEntryEvent<String, Long> event) {
            if (event.isPre() || event.isOriginLocal()) {
                return;
            }
            try {
                bean.evictHere(event.getKey());
            } catch (ServiceException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not evict the cached key of " + event.getKey() + " on this node", e);
            }
        }
    }
}
