package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.net.URI;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;

/** Sigillum as a SAML 2.0 service provider: its metadata, the assertion consumer service, single logout. */
@Local
public interface SamlSignIn {

    /** The SP metadata; for {@code alias} (may be null) with that provider's SP entity ID and NameID format. */
    String metadata(String alias) throws ServiceException;

    /**
     * The HTTP-POST binding's {@code SAMLResponse} and {@code RelayState} at {@code /saml/acs}: checked and
     * continued into the authorization; a refusal is audited and thrown.
     */
    AuthorizationStep assertionConsumer(String samlResponse, String relayState) throws ServiceException;

    /**
     * A provider's signed LogoutRequest (HTTP-Redirect, {@code rawQuery} as received) at {@code /saml/slo}: checked,
     * audited, and answered with the signed LogoutResponse the browser is sent back with.
     */
    URI singleLogout(String rawQuery) throws ServiceException;
}
