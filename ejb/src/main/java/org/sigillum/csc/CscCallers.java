package org.sigillum.csc;

import jakarta.persistence.EntityManager;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.keys.CredentialEntity;

/**
 * What a CSC call may do with the token it came with: a service token acts for its user, a credential token is
 * good only as the SAD of a signing call (checklist C5); and a credential of another user is indistinguishable
 * from one that does not exist (C7).
 */
public final class CscCallers {

    private CscCallers() {
    }

    /** The user the token speaks for, if it carries the scope this call needs. */
    public static String requireUser(TokenPrincipal caller, String scope) throws ServiceException {
        if (caller == null || caller.userId() == null) {
            throw new ServiceException(ErrorCode.INVALID_TOKEN, "the token does not speak for a user");
        }
        if (!caller.scopes().contains(scope)) {
            throw new ServiceException(ErrorCode.INSUFFICIENT_SCOPE, "this call needs a token of scope " + scope);
        }
        return caller.userId();
    }

    /**
     * The SAD of a signing call: the request's, with a service token; or the credential-scope token itself when
     * the request has none.
     */
    public static String signingSad(TokenPrincipal caller, String requestSad, String credentialToken)
            throws ServiceException {
        if (requestSad == null && (caller == null || !caller.scopes().contains(Scopes.CREDENTIAL))) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "SAD is required unless the token has credential scope");
        }
        requireUser(caller, requestSad != null ? Scopes.SERVICE : Scopes.CREDENTIAL);
        return requestSad != null ? requestSad : credentialToken;
    }

    public static CredentialEntity ownCredential(EntityManager em, TokenPrincipal caller, String credentialId)
            throws ServiceException {
        CredentialEntity credential = credentialId == null ? null : em.find(CredentialEntity.class, credentialId);
        if (credential == null || !credential.ownerId().equals(caller.userId())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "invalid credentialID");
        }
        return credential;
    }
}
