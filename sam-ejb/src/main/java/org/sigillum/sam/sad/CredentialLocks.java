package org.sigillum.sam.sad;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The lock that orders signatures and revocations of one credential (A11), held until the transaction ends.
 * Signers share it; a revocation or deletion takes it alone, and so waits for the signatures in flight and is
 * recorded after them. On PostgreSQL it is a transaction-level advisory lock, not a row lock: a waiting
 * {@code FOR UPDATE} lets new {@code FOR SHARE} lockers of the row pass, so a steady stream of signatures would
 * hold a revocation off for as long as it lasts, while a waiting advisory lock makes later requests queue behind
 * it. H2 (the embedded quick start) has neither advisory locks nor {@code FOR SHARE}; there both sides lock the
 * credential's row for update, which also serializes one credential's signatures, as a quick start can afford.
 */
final class CredentialLocks {

    /** The first key of the advisory lock pair: this lock's class, so other advisory locks never meet it. */
    private static final int CREDENTIAL_CLASS = 0x53494731;
    private static final String POSTGRES_SHARED = "SELECT count(*) FROM pg_advisory_xact_lock_shared(?, ?)";
    private static final String POSTGRES_EXCLUSIVE = "SELECT count(*) FROM pg_advisory_xact_lock(?, ?)";
    private static final String ROW = "SELECT id FROM credential WHERE id = ? FOR UPDATE";

    private CredentialLocks() {
    }

    /** Taken by a signature of the credential, before it reads the credential's state. */
    static void shared(Connection connection, String credentialId) throws SQLException {
        lock(connection, credentialId, POSTGRES_SHARED);
    }

    /** Taken by whatever ends the credential (revocation, deletion) before it changes the credential's row. */
    static void exclusive(Connection connection, String credentialId) throws SQLException {
        lock(connection, credentialId, POSTGRES_EXCLUSIVE);
    }

    private static void lock(Connection connection, String credentialId, String postgres) throws SQLException {
        boolean isPostgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (PreparedStatement lock = connection.prepareStatement(isPostgres ? postgres : ROW)) {
            if (isPostgres) {
                lock.setInt(1, CREDENTIAL_CLASS);
                lock.setInt(2, key(credentialId));
            } else {
                lock.setString(1, credentialId);
            }
            try (ResultSet done = lock.executeQuery()) {
                done.next();
            }
        }
    }

    /** The credential's half of the key; two credentials that share it only wait for each other now and then. */
    static int key(String credentialId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credentialId.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
