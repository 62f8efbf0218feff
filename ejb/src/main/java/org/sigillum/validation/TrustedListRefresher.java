package org.sigillum.validation;

import eu.europa.esig.dss.model.tsl.TLValidationJobSummary;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.sigillum.api.admin.TrustedListsView;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Keeps the EU trusted lists fresh in the background, never on a request's path: a managed scheduled task refreshes
 * them every {@code sigillum.trusted-lists.refresh-seconds} (read at start-up), and an operator may ask for a refresh
 * now. Each refresh reads the settings again, so switching the option on or off, or pointing it elsewhere, applies at
 * the next refresh. A refresh that fails, for bad settings or an unreachable server, keeps the lists that were in use.
 * Invalid settings at start-up stop the deployment with the reason.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrustedListRefresher {

    private static final Logger LOG = Logger.getLogger(TrustedListRefresher.class.getName());
    /** How long an operator's refresh may take before the request returns (the refresh itself goes on). */
    static final Duration REQUEST_BOUND = Duration.ofSeconds(90);

    @Inject
    private Config config;
    @Resource
    private ManagedScheduledExecutorService scheduler;
    @Resource
    private ManagedExecutorService downloads;

    private final ReentrantLock refreshing = new ReentrantLock();
    /** What validation and the operator view read, replaced whole so that they never see half a refresh. */
    private volatile State state = new State(null, null);
    private ScheduledFuture<?> schedule;

    /** The job in use (null: option off) and the result of its last refresh (null: none yet). */
    private record State(TrustedListJob job, Outcome outcome) {
    }

    /**
     * A refresh's result, with the lists as they stood after it: DSS's own summary waits for a running refresh, and
     * the operator view must not.
     */
    private record Outcome(Instant at, String error, List<TrustedListsView.TrustedList> lists) {
    }

    @PostConstruct
    void start() {
        TrustedListSettings settings;
        try {
            settings = settings();
            if (settings.enabled()) {
                state = new State(new TrustedListJob(settings, downloads), null);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the EU trusted-list settings are invalid: " + e.getMessage(), e);
        }
        long interval = settings.refreshInterval().toSeconds();
        schedule = scheduler.scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.SECONDS);
        LOG.info(() -> "EU trusted lists " + (settings.enabled() ? "enabled, from " + settings.lotlUrl() : "disabled")
                + "; refresh every " + interval + " s");
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(true);
        }
    }

    /**
     * The certificate source of the lists in use, or null when the option is off. DSS fills it at each refresh with
     * the lists {@link TrustedListJob#USED_LISTS} accepts.
     */
    public TrustedListsCertificateSource certificates() {
        TrustedListJob current = state.job();
        return current == null ? null : current.certificates();
    }

    public TrustedListsView status() {
        State current = state;
        Outcome outcome = current.outcome();
        TrustedListsCertificateSource certificates = current.job() == null ? null : current.job().certificates();
        return new TrustedListsView(current.job() != null, current.job() == null ? null : current.job().settings().lotlUrl(),
                outcome == null ? null : outcome.at().toString(),
                outcome == null ? null : outcome.error() == null ? "succeeded" : "failed",
                outcome == null ? null : outcome.error(),
                certificates == null ? 0 : certificates.getNumberOfCertificates(),
                current.job() == null || outcome == null ? List.of() : outcome.lists());
    }

    /** Refreshes now, in the background task's executor; waits at most {@link #REQUEST_BOUND}. */
    public TrustedListsView refreshNow() throws ServiceException {
        Future<?> refresh = scheduler.submit(this::refresh);
        try {
            refresh.get(REQUEST_BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the refresh did not finish within "
                    + REQUEST_BOUND.toSeconds() + " s; it goes on, and GET /api/v1/trusted-lists shows its result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the refresh was interrupted");
        } catch (ExecutionException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the refresh failed", e.getCause());
        }
        return status();
    }

    /**
     * One refresh at a time; a second caller waits for the first and then refreshes again with fresh settings. It
     * never throws: a scheduled task that throws is not run again.
     */
    private void refresh() {
        refreshing.lock();
        try {
            TrustedListSettings settings;
            try {
                settings = settings();
            } catch (IllegalArgumentException e) {
                failed("the settings are invalid, the lists in use are kept: " + e.getMessage());
                return;
            }
            if (!settings.enabled()) {
                state = new State(null, new Outcome(Instant.now(), null, List.of()));
                return;
            }
            TrustedListJob current = state.job();
            if (current == null || !current.settings().sameSourcesAs(settings)) {
                try {
                    current = new TrustedListJob(settings, downloads);
                } catch (IllegalArgumentException e) {
                    failed("the settings are invalid, the lists in use are kept: " + e.getMessage());
                    return;
                }
            }
            try {
                current.refresh();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the trusted-list refresh failed", e);
                failed("the refresh failed, the lists in use are kept: " + e.getMessage());
                return;
            }
            TLValidationJobSummary summary = current.summary();
            String problem = TrustedListReport.lotlProblem(summary);
            state = new State(current, new Outcome(Instant.now(), problem, TrustedListReport.lists(summary)));
            if (problem != null) {
                LOG.warning(() -> "EU trusted lists: " + problem);
            }
        } finally {
            refreshing.unlock();
        }
    }

    private void failed(String error) {
        State previous = state;
        Outcome before = previous.outcome();
        state = new State(previous.job(), new Outcome(Instant.now(), error, before == null ? List.of() : before.lists()));
        LOG.warning(() -> "EU trusted lists: " + error);
    }

    private TrustedListSettings settings() {
        return TrustedListSettings.read(key -> config.getOptionalValue(key, String.class),
                Path.of(System.getProperty("jboss.server.data.dir", "data")));
    }
}
