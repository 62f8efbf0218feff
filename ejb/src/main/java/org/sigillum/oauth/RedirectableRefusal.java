package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;

/**
 * A refusal that can safely go back to the client's redirect URI, because the client and the redirect URI
 * were verified before it was raised (checklist C1: anything else is shown, never redirected to).
 */
final class RedirectableRefusal extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient ErrorObject error;

    RedirectableRefusal(ErrorObject error) {
        super(error.getDescription());
        this.error = error;
    }

    ErrorObject error() {
        return error;
    }
}
