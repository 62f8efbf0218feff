package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import java.net.URI;
import java.util.function.Function;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Checks an authorization request against its client's registration: exact redirect URI, response type code,
 * PKCE with S256, a scope the client may ask for, and for a credential authorization its parameters and
 * previews. An unknown client or an unregistered redirect URI is thrown as a {@link ServiceException}
 * (never redirected to: checklist C1); everything else is a {@link RedirectableRefusal}.
 */
final class AuthorizationRequestCheck {

    private final int maxSignatures;
    private final Function<byte[], DocumentPreview> previews;

    AuthorizationRequestCheck(int maxSignatures, Function<byte[], DocumentPreview> previews) {
        this.maxSignatures = maxSignatures;
        this.previews = previews;
    }

    /** {@code client} is the registration the request's client_id names, or null when there is none. */
    PendingAuthorization check(AuthorizationRequest request, ClientEntity client)
            throws ServiceException, RedirectableRefusal {
        if (client == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "unknown client_id");
        }
        URI redirect = request.getRedirectionURI();
        if (redirect == null || !client.redirectUris().contains(redirect.toString())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "redirect_uri is not registered for this client");
        }
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            throw new RedirectableRefusal(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("response_type must be code"));
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            throw new RedirectableRefusal(OAuth2Error.INVALID_REQUEST
                    .setDescription("PKCE is required, with code_challenge_method S256"));
        }
        String scope = scope(request);
        if (!client.scopes().contains(scope)) {
            throw new RedirectableRefusal(OAuth2Error.INVALID_SCOPE.setDescription("the client may not ask for scope " + scope));
        }
        CredentialRequest credential = null;
        if (Scopes.CREDENTIAL.equals(scope)) {
            try {
                credential = CredentialRequest.of(request, maxSignatures);
                credential = credential.withPreviews(CredentialRequest.contents(request).stream()
                        .map(content -> content == null ? DocumentPreview.none(-1) : previews.apply(content)).toList());
            } catch (ServiceException e) {
                throw new RedirectableRefusal(OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()));
            }
        }
        return new PendingAuthorization(client.clientId(), client.clientName(), redirect.toString(),
                request.getState() == null ? null : request.getState().getValue(), request.getCodeChallenge().getValue(),
                scope, credential);
    }

    private static String scope(AuthorizationRequest request) throws RedirectableRefusal {
        if (CredentialRequest.requestedByDetails(request)) {
            return Scopes.CREDENTIAL;
        }
        Scope scope = request.getScope();
        if (scope == null || scope.size() != 1
                || !(scope.contains(Scopes.SERVICE) || scope.contains(Scopes.CREDENTIAL))) {
            throw new RedirectableRefusal(OAuth2Error.INVALID_SCOPE.setDescription("scope must be service or credential"));
        }
        return scope.iterator().next().getValue();
    }
}
