package org.sigillum.csc;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AsyncSigning;

/**
 * CSC v2 asynchronous operation mode (signHash and signDoc with operationMode "A"). The operation runs on an
 * executor of its own (a signDoc waits on the shared executor for its document parsing; on the same pool, enough
 * waiting operations could starve it), with the same checks as the synchronous call: they run when it runs, and a
 * refusal becomes the outcome the poll returns. The outcome is kept for the request's validity_period, at most
 * {@code sigillum.csc.async.max-validity-seconds}, and only the user and client application that asked may fetch it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedExecutorDefinition(name = AsyncSigningBean.EXECUTOR, maxAsync = 4)
public class AsyncSigningBean implements AsyncSigning {

    static final String EXECUTOR = "java:app/concurrent/sigillum-csc-async";
    /** CSC v2.0.0.2, signatures/signPolling: the answer while the operation runs; clients look for this text. */
    static final String PENDING = "The previous asynchronous signature request has been accepted for processing, "
            + "but the processing has not yet been completed.";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(AsyncSigningBean.class.getName());

    @Resource(lookup = EXECUTOR)
    private ManagedExecutorService executor;
    @EJB
    private AsyncOperationStore store;
    @Inject
    @ConfigProperty(name = "sigillum.csc.async.max-validity-seconds", defaultValue = "600")
    long maxValiditySeconds;

    @Override
    public String submit(TokenPrincipal caller, String method, Long validityMillis, Callable<String> operation)
            throws ServiceException {
        requireUser(caller);
        if (validityMillis != null && validityMillis <= 0) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "validity_period must be a positive number of "
                    + "milliseconds");
        }
        long millis = validityMillis == null ? maxValiditySeconds * 1000 : Math.min(validityMillis, maxValiditySeconds * 1000);
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String responseId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        store.create(responseId, caller, method, Instant.now().plusMillis(millis));
        try {
            executor.execute(() -> run(responseId, operation));
        } catch (RejectedExecutionException e) {
            store.fail(responseId, ErrorCode.TEMPORARILY_UNAVAILABLE.value(), "no capacity for asynchronous signing now");
        }
        return responseId;
    }

    @Override
    public String poll(TokenPrincipal caller, String responseId) throws ServiceException {
        requireUser(caller);
        if (responseId == null || responseId.isBlank()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "responseID is required");
        }
        AsyncOperationStore.Operation operation = store.find(responseId, caller);
        if (operation == null) {
            // unknown, expired, or another user's or application's: the same answer, nothing to learn from it
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "Invalid responseID");
        }
        return switch (operation.state()) {
            case PENDING -> throw new ServiceException(ErrorCode.INVALID_REQUEST, PENDING);
            case FAILED -> throw new ServiceException(errorCode(operation.errorCode()), operation.errorDescription());
            case DONE -> operation.resultJson();
        };
    }

    /** Outcomes belong to a user and an application: a token that speaks for no user has none. */
    private static void requireUser(TokenPrincipal caller) throws ServiceException {
        if (caller == null || caller.userId() == null) {
            throw new ServiceException(ErrorCode.INSUFFICIENT_SCOPE, "asynchronous signing needs a token of a user");
        }
    }

    private void run(String responseId, Callable<String> operation) {
        try {
            store.complete(responseId, operation.call());
        } catch (ServiceException e) {
            store.fail(responseId, e.code().value(), e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "asynchronous signing " + responseId + " failed", e);
            store.fail(responseId, ErrorCode.SERVER_ERROR.value(), "the signing operation failed");
        }
    }

    private static ErrorCode errorCode(String value) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.value().equals(value)) {
                return code;
            }
        }
        return ErrorCode.SERVER_ERROR;
    }
}
