package org.sigillum.sql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Flyway migrations applied to H2 in PostgreSQL mode, as the quick start runs them. */
class MigrationsOnH2Test {

    private static final String URL = "jdbc:h2:mem:sig;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Holds the in-memory database open; closing it drops the database, so every test starts empty. */
    private Connection connection;
    private MigrateResult migration;

    @BeforeEach
    void migrate() throws SQLException {
        connection = DriverManager.getConnection(URL, "sa", "");
        migration = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        connection.close();
    }

    @Test
    void migrationsApplyCleanly() {
        assertTrue(migration.success);
        assertTrue(migration.migrationsExecuted > 0, "no migration found on the classpath");
    }

    @Test
    void sigUserTableHasTheExpectedColumns() throws SQLException {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.putAll(Map.of("id", false, "username", false, "status", false, "created_at", false,
                "failed_logins", false, "failed_pins", false));
        expected.putAll(Map.of("password_hash", true, "pin_hash", true, "locked_until", true, "pin_locked_until", true));
        expected.putAll(Map.of("totp_blob", true, "totp_tag", true, "totp_wrapping_label", true, "totp_last_step", false));
        expected.putAll(Map.of("login_reserved", false, "login_reserved_at", true, "pin_reserved", false,
                "pin_reserved_at", true));
        expected.putAll(Map.of("otp_email", true, "otp_phone", true));
        expected.put("group_id", false);
        assertEquals(expected, columns("sig_user"));
    }

    @Test
    void auditAndTokenTablesExist() throws SQLException {
        assertTrue(columns("audit_record").containsKey("record_hash"));
        assertTrue(columns("audit_chain_head").containsKey("last_hash"));
        assertTrue(columns("bearer_token").containsKey("token_hash"));
        assertTrue(columns("bearer_token").containsKey("family_id"));
        assertEquals(false, columns("oauth_client").get("secret_hash") == null);
        assertTrue(columns("ca_key").containsKey("wrapped_private_key"));
        assertTrue(columns("sig_otp_challenge").containsKey("request_binding"));
        assertTrue(columns("sig_device").containsKey("public_jwk"));
        assertTrue(columns("sig_device_approval").containsKey("content"));
    }

    @Test
    void asynchronousOperationsTableHasItsOutcomeColumns() throws SQLException {
        Map<String, Boolean> columns = columns("csc_async_operation");
        assertEquals(false, columns.get("user_id"));
        assertEquals(true, columns.get("result_json"));
        assertEquals(false, columns.get("expires_at"));
    }

    @Test
    void samlServiceProviderKeyIsEitherWrappedOrSealedNeverBothNorNeither() throws SQLException {
        String insert = "INSERT INTO saml_sp_key (name, key_length, wrapping_key_label, wrapped_private_key, binding_tag, "
                + "sealed_private_key, certificate, created_at) VALUES (?, 2048, ?, ?, ?, ?, X'30', CURRENT_TIMESTAMP)";
        byte[] blob = {1, 2, 3};
        assertDoesNotThrow(() -> samlKey(insert, "signing", blob, null));
        assertDoesNotThrow(() -> samlKey(insert, "encryption", null, blob));
        SQLException both = assertThrows(SQLException.class, () -> samlKey(insert, "both", blob, blob));
        assertTrue(both.getSQLState().startsWith("23"), "check violation expected, got " + both.getSQLState());
        SQLException neither = assertThrows(SQLException.class, () -> samlKey(insert, "neither", null, null));
        assertTrue(neither.getSQLState().startsWith("23"), "check violation expected, got " + neither.getSQLState());
    }

    private void samlKey(String sql, String name, byte[] wrapped, byte[] sealed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, name);
            insert.setString(2, wrapped == null ? null : "sigillum-wrap");
            insert.setBytes(3, wrapped);
            insert.setBytes(4, wrapped);
            insert.setBytes(5, sealed);
            insert.executeUpdate();
        }
    }

    @Test
    void credentialTableHasTheExpectedColumns() throws SQLException {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (String notNull : new String[] {"id", "owner_id", "key_algorithm", "key_length", "status", "public_key", "scal", "key_cache_seconds",
                "wrapping_key_label", "wrapped_private_key", "binding_tag", "created_at", "signatures_used"}) {
            expected.put(notNull, false);
        }
        expected.put("curve", true);
        expected.put("certificate", true);
        expected.put("max_signatures", true);

        assertEquals(expected, columns("credential"));
    }

    @Test
    void existingAccountsAndClientsBelongToTheDefaultGroup() throws SQLException {
        String owner = insertUser("carol");
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT g.name FROM sig_user u JOIN client_group g ON g.id = u.group_id WHERE u.id = ?")) {
            select.setString(1, owner);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals("default", row.getString(1));
            }
        }
        assertEquals(false, columns("oauth_client").get("group_id"));
    }

    @Test
    void anAccountOfAnUnknownGroupIsRefusedByTheForeignKey() {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sig_user SET group_id = 'nowhere'")) {
                insertUser("dave");
                update.executeUpdate();
            }
        });
        assertTrue(e.getSQLState().startsWith("23"), "integrity violation expected, got " + e.getSQLState() + ": " + e);
    }

    @Test
    void credentialOfAnExistingOwnerIsStored() throws SQLException {
        String owner = insertUser("alice");

        assertDoesNotThrow(() -> insertCredential(owner));
    }

    @Test
    void credentialOfAnUnknownOwnerIsRefusedByTheForeignKey() {
        SQLException e = assertThrows(SQLException.class, () -> insertCredential(UUID.randomUUID().toString()));
        assertTrue(e.getSQLState().startsWith("23"), "integrity violation expected, got " + e.getSQLState() + ": " + e);
    }

    @Test
    void usernameIsUnique() throws SQLException {
        insertUser("bob");

        SQLException e = assertThrows(SQLException.class, () -> insertUser("bob"));
        assertTrue(e.getSQLState().startsWith("23"), "integrity violation expected, got " + e.getSQLState() + ": " + e);
    }

    @Test
    void aFederatedIdentityNamesAtMostOneAccountAndGoesWithIt() throws SQLException {
        String ana = insertUser("ana");
        String eve = insertUser("eve");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO identity_provider (alias, kind, "
                + "display_name, settings, level_mapping, created_at, updated_at) VALUES ('idp', 'OIDC', 'IdP', '{}', "
                + "'{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.executeUpdate();
        }
        linkIdentity(ana, "subject-1");

        SQLException e = assertThrows(SQLException.class, () -> linkIdentity(eve, "subject-1"));
        assertTrue(e.getSQLState().startsWith("23"), "integrity violation expected, got " + e.getSQLState() + ": " + e);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sig_user WHERE id = ?")) {
            delete.setString(1, ana);
            delete.executeUpdate();
        }
        assertDoesNotThrow(() -> linkIdentity(eve, "subject-1"));
    }

    @Test
    void theLevelPolicyStartsAtLowForEverything() throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT scal1_level, scal2_level, key_creation_level, step_up FROM level_policy WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("LOW LOW LOW PROVIDER", rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                    + rs.getString(4));
        }
    }

    private void linkIdentity(String userId, String subject) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO federated_identity (id, user_id, "
                + "provider_alias, subject, created_at) VALUES (?, ?, 'idp', ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, userId);
            insert.setString(3, subject);
            insert.executeUpdate();
        }
    }

    /** Column name to nullability, for one table of the default schema. */
    private Map<String, Boolean> columns(String table) throws SQLException {
        Map<String, Boolean> columns = new LinkedHashMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(null, "public", table, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME"), rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable);
            }
        }
        return columns;
    }

    private String insertUser(String username) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sig_user (id, username, status, created_at) VALUES (?, ?, 'ACTIVE', ?)")) {
            insert.setString(1, id);
            insert.setString(2, username);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return id;
    }

    private void insertCredential(String ownerId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO credential (id, owner_id, key_algorithm,"
                + " key_length, curve, status, public_key, wrapping_key_label, wrapped_private_key, binding_tag, created_at)"
                + " VALUES (?, ?, 'EC', 256, 'P-256', 'ENABLED', ?, 'sigillum-wrap', ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, ownerId);
            insert.setBytes(3, new byte[] {0x30, 0x59});
            insert.setBytes(4, new byte[] {1, 2, 3});
            insert.setBytes(5, new byte[] {4, 5, 6});
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
