package org.sigillum.web.error;

import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sigillum.api.error.ErrorCode;

/**
 * An unforeseen failure, logged with an ID the caller also gets. A lost database (connections ended, the server
 * restarting, the pool unable to connect) is told apart as 503, so that clients retry; anything else is a 500,
 * and so is a failure of the commit itself: the database may have committed before the connection broke, and the
 * caller must not be told to retry what may have happened.
 */
public record Incident(ErrorCode code, String description) {

    private static final Logger LOG = Logger.getLogger(Incident.class.getName());
    /** SQL states of a lost connection (class 08) and of PostgreSQL shutting down or restarting (57P01–57P03). */
    private static final String[] OUTAGE_STATES = {"08", "57P01", "57P02", "57P03"};

    public static Incident of(Throwable failure) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + id, failure);
        return databaseLost(failure)
                ? new Incident(ErrorCode.TEMPORARILY_UNAVAILABLE, "the database is unavailable; retry later (incident " + id + ")")
                : new Incident(ErrorCode.SERVER_ERROR, "internal error, incident " + id);
    }

    static boolean databaseLost(Throwable failure) {
        boolean lost = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RollbackException || cause instanceof HeuristicMixedException
                    || cause instanceof HeuristicRollbackException || cause instanceof SystemException) {
                return false;
            }
            lost |= lostConnection(cause);
        }
        return lost;
    }

    private static boolean lostConnection(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof ResourceException) {
            // ResourceException: the connection pool could not get a connection
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            for (String state : OUTAGE_STATES) {
                if (sql.getSQLState().startsWith(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
