package org.sigillum.federation.oidc;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;
import org.sigillum.federation.ConfiguredProvider;
import org.sigillum.federation.ProtocolLogin;
import org.sigillum.federation.ProviderKind;

/**
 * The OpenID Connect authentication request: authorization code with PKCE (S256), a fresh nonce and the attempt
 * as {@code state}. A step-up asks for the provider's context of the required level ({@code acr_values}) and a
 * fresh authentication ({@code prompt=login}, {@code max_age=0}).
 */
@ApplicationScoped
public class OidcLogin implements ProtocolLogin {

    static final String CALLBACK_PATH = "/csc/v2/oauth2/authorize/federation/oidc";
    static final String NONCE = "nonce";
    static final String VERIFIER = "verifier";
    static final String STEP_UP_AT = "stepUpAt";

    @Inject
    private OidcProviders providers;

    @Inject
    @ConfigProperty(name = "sigillum.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    @Override
    public ProviderKind kind() {
        return ProviderKind.OIDC;
    }

    URI callback() {
        return URI.create(publicUrl + CALLBACK_PATH);
    }

    @Override
    public Request request(ConfiguredProvider provider, String attemptId, LevelOfAssurance required, boolean stepUp)
            throws ServiceException {
        OidcProviders.Discovered discovered = providers.discover(provider);
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        Scope scope = Scope.parse(provider.settings().getOrDefault("scopes", "openid"));
        if (!scope.contains("openid")) {
            scope.add("openid");
        }
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
                new ClientID(provider.setting("clientId")), callback())
                .endpointURI(discovered.metadata().getAuthorizationEndpointURI())
                .state(new State(attemptId)).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256);
        if (stepUp) {
            String context = provider.contextFor(required);
            if (context != null) {
                builder.acrValues(List.of(new ACR(context)));
            }
            builder.prompt(new Prompt(Prompt.Type.LOGIN)).maxAge(0);
        }
        return new Request(builder.build().toURI(), Map.of(NONCE, nonce.getValue(), VERIFIER, verifier.getValue(),
                STEP_UP_AT, stepUp ? String.valueOf(System.currentTimeMillis() / 1000) : ""));
    }
}
