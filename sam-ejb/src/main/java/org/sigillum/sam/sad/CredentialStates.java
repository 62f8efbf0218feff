package org.sigillum.sam.sad;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The credential's state as the database has it at the moment of signing, read by the SAM itself so that no path
 * and no SAD issued earlier outlives a revocation on any node (A11): the database every node shares is the one
 * place a revocation is certain to be seen. It is read under the credential's shared lock ({@link CredentialLocks}),
 * taken before the HSM session, which the signing transaction keeps until it commits with the signature's audit
 * record; a revocation takes the lock alone, so the state read is the state at the moment of signing.
 */
final class CredentialStates {

    private static final String STATUS = "SELECT status FROM credential WHERE id = ?";
    private static final String ACTIVE = "ENABLED";
    /**
     * Counts signatures against a credential's lifetime limit (B5) in one conditional update: PostgreSQL re-checks
     * the condition on the row as a concurrent signer on any node committed it, so no two together pass the limit;
     * the count rolls back with a signature that fails.
     */
    private static final String COUNT = "UPDATE credential SET signatures_used = signatures_used + ? "
            + "WHERE id = ? AND max_signatures IS NOT NULL AND signatures_used + ? <= max_signatures";
    private static final String LIMITED = "SELECT max_signatures FROM credential WHERE id = ?";

    private CredentialStates() {
    }

    /** Refuses unless the credential exists and is enabled; revoked, suspended, disabled and deleted all sign nothing. */
    static void requireActive(String status) throws SadRefusal {
        if (!ACTIVE.equals(status)) {
            throw new SadRefusal(SadRules.Rule.CREDENTIAL_INACTIVE);
        }
    }

    /**
     * Counts {@code signatures} against the credential's limit, if it has one, or refuses when they would pass it.
     * An unlimited credential costs one read and no write.
     */
    static void count(Connection connection, String credentialId, int signatures) throws SQLException, SadRefusal {
        try (PreparedStatement limited = connection.prepareStatement(LIMITED)) {
            limited.setString(1, credentialId);
            try (ResultSet row = limited.executeQuery()) {
                if (!row.next() || row.getObject(1) == null) {
                    return;
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(COUNT)) {
            update.setInt(1, signatures);
            update.setString(2, credentialId);
            update.setInt(3, signatures);
            if (update.executeUpdate() != 1) {
                throw new SadRefusal(SadRules.Rule.USAGE_LIMIT);
            }
        }
    }

    /**
     * The stored status, or null when the credential no longer exists; the credential stays locked against
     * revocation and deletion until the caller's transaction ends.
     */
    static String status(Connection connection, String credentialId) throws SQLException {
        CredentialLocks.shared(connection, credentialId);
        try (PreparedStatement select = connection.prepareStatement(STATUS)) {
            select.setString(1, credentialId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
