package org.sigillum.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sigillum.api.error.ErrorCode;

class IncidentTest {

    @Test
    void aLostDatabaseAnywhereInTheCausesIsAnOutage() {
        assertTrue(Incident.databaseLost(new SQLException("I/O error", "08006")));
        assertTrue(Incident.databaseLost(new IllegalStateException("wrapped", new SQLException("terminating", "57P01"))));
        assertTrue(Incident.databaseLost(new RuntimeException(new SQLException("no connection",
                null, new ResourceException("IJ000453: Unable to get managed connection")))));
        assertEquals(ErrorCode.TEMPORARILY_UNAVAILABLE, Incident.of(new SQLException("closed", "08003")).code());
    }

    @Test
    void otherFailuresStayServerErrors() {
        assertFalse(Incident.databaseLost(new SQLException("duplicate key", "23505")));
        assertFalse(Incident.databaseLost(new SQLException("no state")));
        assertFalse(Incident.databaseLost(new NullPointerException()));
        assertEquals(ErrorCode.SERVER_ERROR, Incident.of(new IllegalStateException("bug")).code());
    }

    @Test
    void aCommitThatBrokeOffIsNotCalledAnOutage() {
        // the database may have committed before the connection died: retrying could sign twice
        RollbackException commit = new RollbackException("commit failed");
        commit.initCause(new SQLException("I/O error", "08006"));
        assertFalse(Incident.databaseLost(new IllegalStateException(commit)));
    }
}
