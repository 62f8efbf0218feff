package org.sigillum.token;

import jakarta.ejb.ApplicationException;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * {@code invalid_grant} for a replayed code or a reused refresh token. Unlike other refusals it commits: the
 * revocation of the grant's tokens, made in the same transaction, must survive the refusal.
 */
@ApplicationException(rollback = false)
public class GrantRevokedException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public GrantRevokedException(String description) {
        super(ErrorCode.INVALID_GRANT, description);
    }
}
