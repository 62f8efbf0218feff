package org.sigillum.account;

import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * A refusal whose audit record is already written, in the same transaction as the failure it counted: the caller
 * must not record it again. The client sees it exactly as any other refusal.
 */
public class AuditedRefusal extends ServiceException {

    private static final long serialVersionUID = 1L;

    public AuditedRefusal(ErrorCode code, String description) {
        super(code, description);
    }
}
