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
import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TimeStampAuthority;

/**
 * At start, seals the legacy chain (once, cluster-wide); shortly after, creates this node's chains and derives
 * their keys, off the deployment's path. Then anchors every chain head periodically, and once more at shutdown.
 * WildFly 39 refuses EJB calls once shutdown has begun, so the last anchor is made by {@link ShutdownAnchor}, plain
 * code over JDBC and the HSM that each periodic run prepares (docs/audit.md).
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
    @EJB
    private TimeStampAuthority tsa;
    @Resource
    private ManagedScheduledExecutorService scheduler;
    @Resource(lookup = "java:jboss/datasources/SigillumDS")
    private DataSource database;
    @Inject
    @ConfigProperty(name = "sigillum.audit.anchor-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    private ScheduledFuture<?> schedule;

    /** Whether this node's chains were prepared; the first scheduled run does it, off the deployment's path. */
    private volatile boolean prepared;
    /** What the shutdown anchor needs, refreshed by each periodic run (the TSA key may be renewed meanwhile). */
    private volatile ShutdownAnchor shutdownAnchor;

    @PostConstruct
    void start() {
        if (intervalSeconds < 1) {
            throw new IllegalStateException("sigillum.audit.anchor-interval-seconds must be at least 1");
        }
        try {
            // before any request: a verification must never find the legacy records without their seal
            chains.sealLegacy();
        } catch (ServiceException | RuntimeException e) {
            LOG.log(Level.WARNING, "audit: the legacy chain was not sealed at start (retried shortly): " + e.getMessage(), e);
        }
        schedule = scheduler.scheduleWithFixedDelay(this::run, 1, intervalSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "audit: chains " + leases.chainIds() + "; anchors every " + intervalSeconds + " s");
    }

    private void run() {
        if (!prepared) {
            prepared = prepare();
        }
        anchorQuietly();
        try {
            shutdownAnchor = new ShutdownAnchor(keys.anchorKey(), tsa.detachedResponder(), leases.node());
        } catch (ServiceException | RuntimeException e) {
            LOG.log(Level.WARNING, "audit: the shutdown anchor was not prepared now: " + e.getMessage(), e);
        }
    }

    /**
     * Seals the legacy chain and creates and keys this node's chains. Appends do both for themselves when needed;
     * done here, the first requests do not pay for it.
     */
    private boolean prepare() {
        try {
            chains.sealLegacy();
        } catch (ServiceException | RuntimeException e) {
            // a node that lost the race to seal finds the seal made at its next try
            LOG.log(Level.WARNING, "audit: the legacy chain was not sealed now: " + e.getMessage(), e);
            return false;
        }
        try {
            for (String chain : leases.chainIds()) {
                chains.create(chain);
                keys.chainKey(chain);
            }
            return true;
        } catch (ServiceException | RuntimeException e) {
            LOG.log(Level.WARNING, "audit chains not prepared now: " + e.getMessage(), e);
            return false;
        }
    }

    /** Runs while the node stops: no EJB call, only JDBC and the HSM, which the deployment's components outlive. */
    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        ShutdownAnchor anchor = shutdownAnchor;
        if (anchor == null) {
            LOG.warning("audit: no shutdown anchor (none was prepared); the last periodic anchor covers this node");
            return;
        }
        try {
            String made = anchor.anchor(database);
            LOG.info(() -> "audit anchor at shutdown " + made);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "audit anchor at shutdown failed: " + e.getMessage(), e);
        }
    }

    private void anchorQuietly() {
        try {
            chains.anchor();
        } catch (ServiceException | RuntimeException e) {
            LOG.log(Level.WARNING, "audit anchor failed: " + e.getMessage(), e);
        }
    }
}
