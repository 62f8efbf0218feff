package org.sigillum.federation.saml;

import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * The cluster-wide {@code saml-replay} store: an assertion ID is claimed in the one database every node shares,
 * in the caller's transaction (it counts only if the login completes; a concurrent claim of the same ID waits
 * for that commit and then loses). The same pattern as the SAM's single-use ledger, kept apart from it because
 * nothing outside the SAM may write the SAM's ledger.
 */
@Stateless
@LocalBean
public class SamlReplayLedger implements ReplayGuard {

    private static final String CLAIM = "INSERT INTO saml_replay (id, used_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String PURGE = "DELETE FROM saml_replay WHERE used_at < ?";
    /** Far beyond any assertion's validity that the validator accepts (NotOnOrAfter plus at most 10 minutes' skew). */
    private static final Duration RETENTION = Duration.ofDays(2);

    @Resource(lookup = "java:jboss/datasources/SigillumDS")
    private DataSource database;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean claim(String issuer, String assertionId) {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, digest(issuer + "\n" + assertionId));
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("the SAML replay store is unavailable", e);
        }
    }

    /** Every node purges; the deletes are idempotent. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void purgeExpired() {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(RETENTION)));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the SAML replay store is unavailable", e);
        }
    }

    static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
