package org.sigillum.documents;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Parsing a hostile document must end in bounded time (checklist D2): the work runs on a managed thread and
 * the caller gets a clean refusal when it overruns; the worker is interrupted.
 */
@ApplicationScoped
public class TimeBudget {

    @Resource
    private ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "sigillum.documents.max-seconds", defaultValue = "60")
    long maxSeconds;

    /** The work's result, or its ServiceException, or 400 when it takes longer than allowed. */
    public <T> T run(Callable<T> work) throws ServiceException {
        Future<T> future = executor.submit(work);
        try {
            return future.get(maxSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the document took longer than " + maxSeconds
                    + " s to process");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ServiceException service) {
                throw service;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
