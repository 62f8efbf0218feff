package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.net.URI;
import java.util.Map;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;
import org.sigillum.api.oauth.AuthorizationStep;

/**
 * Where both protocols begin and end. {@link #start} leaves a waiting authorization for a provider;
 * {@link #complete} is called by the protocol's callback once the provider's answer is verified, and continues the
 * authorization exactly as a local login would, or ends on a refusal (a {@link ServiceException} whose message is
 * fit for the refusal page). No account is ever created here.
 */
@Local
public interface FederatedLogins {

    /** Where to send the browser of authorization {@code transactionId} (proved by its form's {@code csrf}). */
    URI start(String transactionId, String csrf, String alias) throws ServiceException;

    /**
     * A verified answer of provider {@code alias}: {@code attemptId} is the reference the protocol carried through
     * the provider (OIDC {@code state}, SAML RelayState). Returns the consent page, a step-up redirect to the
     * provider, or throws the refusal.
     */
    AuthorizationStep complete(String alias, String subject, LevelOfAssurance level, Map<String, String> attributes,
                               String attemptId) throws ServiceException;

    /** A refusal the provider or the protocol check produced before a subject was known: audited, then thrown. */
    ServiceException refuse(String alias, String attemptId, String reason);
}
