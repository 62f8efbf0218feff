package org.sigillum.sam.once;

import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.service.SingleUseClaims;

/**
 * The arbiter of every value that may be used once: a SAD, an authorization code, a consent, a pushed request,
 * a client assertion ID. The caches that carry these values are replicated and stay writable on both sides of
 * a split cluster, so that one surviving node of two keeps serving; what keeps a value from being used on both
 * sides is this table in the one database every node shares (checklist A8, F2). A claim joins the caller's
 * transaction: it counts only if the caller commits, and a concurrent claim of the same value waits for that
 * commit and then loses.
 */
@Stateless
@LocalBean
public class SingleUseLedger implements SingleUseClaims {

    private static final String CLAIM = "INSERT INTO single_use (id, used_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String PURGE = "DELETE FROM single_use WHERE used_at < ?";

    @Resource(lookup = "java:jboss/datasources/SigillumDS")
    private DataSource database;

    /** Longer than any single-use value lives (SAD lifetime, code, consent, assertion expiry), or a purged value could be used again. */
    @Inject
    @ConfigProperty(name = "sigillum.single-use.retention-seconds", defaultValue = "86400")
    long retentionSeconds;

    /** Records the value as used; false if it had been used already. {@code kind} keeps the kinds apart. */
    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean claim(String kind, String digest) {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, kind + ":" + digest);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("the single-use ledger is unavailable", e);
        }
    }

    /** Every node purges; the deletes are idempotent, so no node needs to be the one. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void purgeExpired() {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(retentionSeconds)));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the single-use ledger is unavailable", e);
        }
    }
}
