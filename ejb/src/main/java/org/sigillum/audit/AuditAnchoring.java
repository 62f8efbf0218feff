package org.sigillum.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ServiceException;

/**
 * At start: seals the legacy chain (once, cluster-wide), creates this node's chains and derives their keys before
 * the first request needs them. Then anchors every chain head periodically, and once more at shutdown, so that
 * whatever was recorded before a clean stop is covered by an anchor.
 */
@Singleton
@Startup
@DependsOn("PkiBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditAnchoring {

    private static final Logger LOG = Logger.getLogger(AuditAnchoring.class.getName());

    @EJB
    private AuditChainsBean chains;
    @Inject
    private ChainLeases leases;
    @Inject
    private AuditKeys keys;
    @Resource
    private ManagedScheduledExecutorService scheduler;
    @Inject
    @ConfigProperty(name = "sigillum.audit.anchor-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        if (intervalSeconds < 1) {
            throw new IllegalStateException("sigillum.audit.anchor-interval-seconds must be at least 1");
        }
        try {
            chains.sealLegacy();
        } catch (ServiceException | RuntimeException e) {
            // a node that lost the race to seal finds the seal made; any other failure is retried at the next start
            LOG.log(Level.WARNING, "audit: the legacy chain was not sealed now: " + e.getMessage(), e);
        }
        try {
            for (String chain : leases.chainIds()) {
                chains.create(chain);
                keys.chainKey(chain);
            }
        } catch (ServiceException | RuntimeException e) {
            // appends create their chain and derive its key themselves; only the warm-up is lost
            LOG.log(Level.WARNING, "audit chains not prepared at start: " + e.getMessage(), e);
        }
        schedule = scheduler.scheduleWithFixedDelay(this::anchorQuietly, 1, intervalSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "audit: chains " + leases.chainIds() + "; anchors every " + intervalSeconds + " s");
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        anchorQuietly();
    }

    private void anchorQuietly() {
        try {
            chains.anchor();
        } catch (ServiceException | RuntimeException e) {
            LOG.log(Level.WARNING, "audit anchor failed: " + e.getMessage(), e);
        }
    }
}
