package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.sigillum.api.oauth.AuthorizationStep;

/**
 * The ways back to the client: a code or an error at its verified redirect URI, with the state it sent and
 * the issuer (RFC 9207), so that a client talking to several servers can tell whose answer it holds.
 */
@ApplicationScoped
public class AuthorizationRedirects {

    @Inject
    OAuthEndpoints endpoints;

    AuthorizationStep.Redirect code(PendingAuthorization pending, String code) {
        return new AuthorizationStep.Redirect(new AuthorizationSuccessResponse(URI.create(pending.redirectUri()),
                new AuthorizationCode(code), null, state(pending), endpoints.issuer(), ResponseMode.QUERY).toURI());
    }

    AuthorizationStep.Redirect error(PendingAuthorization pending, ErrorObject error) {
        return error(URI.create(pending.redirectUri()), state(pending), error);
    }

    AuthorizationStep.Redirect error(URI redirectUri, State state, ErrorObject error) {
        return new AuthorizationStep.Redirect(new AuthorizationErrorResponse(redirectUri, error, state, endpoints.issuer(),
                ResponseMode.QUERY).toURI());
    }

    private static State state(PendingAuthorization pending) {
        return pending.state() == null ? null : new State(pending.state());
    }
}
