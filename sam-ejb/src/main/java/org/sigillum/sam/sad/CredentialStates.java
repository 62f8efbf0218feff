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

    private CredentialStates() {
    }

    /** Refuses unless the credential exists and is enabled; revoked, suspended, disabled and deleted all sign nothing. */
    static void requireActive(String status) throws SadRefusal {
        if (!ACTIVE.equals(status)) {
            throw new SadRefusal(SadRules.Rule.CREDENTIAL_INACTIVE);
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
