package org.sigillum.csc;

import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.sigillum.api.auth.TokenPrincipal;

/**
 * The outcomes of asynchronous signing operations, in the database every node shares, so that a poll may reach
 * any node. Each write commits on its own: an operation is visible as pending before it starts, and its outcome
 * as soon as it ends.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AsyncOperationStore {

    enum State { PENDING, DONE, FAILED }

    /** One operation as its owner may see it. */
    record Operation(State state, String resultJson, String errorCode, String errorDescription) {
    }

    private static final String INSERT = "INSERT INTO csc_async_operation (response_id, user_id, client_id, method, "
            + "state, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String FINISH = "UPDATE csc_async_operation SET state = ?, result_json = ?, error_code = ?, "
            + "error_description = ? WHERE response_id = ? AND state = ?";
    private static final String FIND = "SELECT user_id, client_id, state, expires_at, result_json, error_code, "
            + "error_description FROM csc_async_operation WHERE response_id = ?";
    private static final String PURGE = "DELETE FROM csc_async_operation WHERE expires_at < ?";

    @Resource(lookup = "java:jboss/datasources/SigillumDS")
    private DataSource database;

    /** Records a pending operation, and forgets those whose outcome has expired. */
    public void create(String responseId, TokenPrincipal caller, String method, Instant expiresAt) {
        Instant now = Instant.now();
        try (Connection connection = database.getConnection();
             PreparedStatement purge = connection.prepareStatement(PURGE);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            purge.setTimestamp(1, Timestamp.from(now));
            purge.executeUpdate();
            insert.setString(1, responseId);
            insert.setString(2, caller.userId());
            insert.setString(3, caller.clientId());
            insert.setString(4, method);
            insert.setString(5, State.PENDING.name());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(expiresAt));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("asynchronous operations cannot be recorded", e);
        }
    }

    public void complete(String responseId, String resultJson) {
        finish(responseId, State.DONE, resultJson, null, null);
    }

    public void fail(String responseId, String errorCode, String errorDescription) {
        finish(responseId, State.FAILED, null, errorCode, errorDescription);
    }

    /** The operation if it exists, has not expired and belongs to this user and client application; else null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Operation find(String responseId, TokenPrincipal caller) {
        try (Connection connection = database.getConnection();
             PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, responseId);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next() || !caller.userId().equals(row.getString(1))
                        || !java.util.Objects.equals(caller.clientId(), row.getString(2))
                        || row.getTimestamp(4).toInstant().isBefore(Instant.now())) {
                    return null;
                }
                return new Operation(State.valueOf(row.getString(3)), row.getString(5), row.getString(6),
                        row.getString(7));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("asynchronous operations cannot be read", e);
        }
    }

    private void finish(String responseId, State state, String resultJson, String errorCode, String description) {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement(FINISH)) {
            update.setString(1, state.name());
            update.setString(2, resultJson);
            update.setString(3, errorCode);
            update.setString(4, description == null || description.length() <= 2000 ? description
                    : description.substring(0, 2000));
            update.setString(5, responseId);
            update.setString(6, State.PENDING.name());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("asynchronous operations cannot be recorded", e);
        }
    }
}
