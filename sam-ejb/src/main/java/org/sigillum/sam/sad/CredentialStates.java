package org.sigillum.sam.sad;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The credential's state as the database has it at the moment of signing, read by the SAM itself so that no path
 * and no SAD issued earlier outlives a revocation on any node (A11): the database every node shares is the one
 * place a revocation is certain to be seen. It is read with a shared lock on the credential's row, before the HSM
 * session is taken, and the signing transaction keeps the lock until it commits with the signature's audit record,
 * so the state read is the state at the moment of signing. A revocation or deletion locks the row for update first, so it waits for the signatures in flight: none is
 * made or recorded after the revocation, and every one is recorded before it. Signatures of one credential share
 * the lock and do not wait for each other.
 */
final class CredentialStates {

    /** PostgreSQL: a shared row lock, held to the end of the transaction. */
    private static final String STATUS_SHARED = "SELECT status FROM credential WHERE id = ? FOR SHARE";
    /**
     * H2 (the embedded quick start) has no FOR SHARE; FOR UPDATE orders revocations the same way, and serializes the
     * signatures of one credential, which a single-node quick start can afford.
     */
    private static final String STATUS_EXCLUSIVE = "SELECT status FROM credential WHERE id = ? FOR UPDATE";
    private static final String ACTIVE = "ENABLED";

    private CredentialStates() {
    }

    /** Refuses unless the credential exists and is enabled; revoked, suspended, disabled and deleted all sign nothing. */
    static void requireActive(String status) throws SadRefusal {
        if (!ACTIVE.equals(status)) {
            throw new SadRefusal(SadRules.Rule.CREDENTIAL_INACTIVE);
        }
    }

    /**
     * The stored status, or null when the credential no longer exists; the row stays locked against revocation and
     * deletion until the caller's transaction ends.
     */
    static String status(Connection connection, String credentialId) throws SQLException {
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (PreparedStatement select = connection.prepareStatement(postgres ? STATUS_SHARED : STATUS_EXCLUSIVE)) {
            select.setString(1, credentialId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
