package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;

/** The OpenID Connect provider's answer at Sigillum's callback. */
@Local
public interface OidcSignIn {

    /**
     * Checks the answer ({@code query}: the callback's parameters) of a sign-in started in the browser whose
     * authorization cookie is {@code browserTransaction}, and continues it; a refusal is audited and thrown.
     */
    AuthorizationStep callback(String browserTransaction, Map<String, List<String>> query) throws ServiceException;
}
