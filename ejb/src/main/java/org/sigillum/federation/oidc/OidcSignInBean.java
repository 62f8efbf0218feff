package org.sigillum.federation.oidc;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.service.FederatedLogins;
import org.sigillum.api.service.OidcSignIn;
import org.sigillum.federation.ConfiguredProvider;
import org.sigillum.federation.LoginAttempt;
import org.sigillum.federation.LoginAttempts;
import org.sigillum.federation.ProviderDirectory;

/**
 * The relying party's side of the callback: the answer must belong to an attempt started in this browser; the
 * code is exchanged with the PKCE verifier and the client secret; the ID token must be signed (never
 * {@code alg: none}, never an HMAC) by a key of the provider's published set, and its claims must pass
 * {@link IdTokenChecks}. The {@code acr} (or the configured claim) is mapped to a level by the provider's mapping.
 */
@Stateless
public class OidcSignInBean implements OidcSignIn {

    static final String EXPIRED = "This sign-in has expired or was already completed; start again from the application.";
    static final String OTHER_BROWSER = "This sign-in was started in another browser; start again from the application.";
    static final String NOT_SIGNED = "the ID token is not signed (alg none)";
    static final String BAD_SIGNATURE = "the ID token's signature does not verify with the provider's keys";

    @EJB
    private FederatedLogins logins;
    @EJB
    private ProviderDirectory directory;
    @Inject
    private LoginAttempts attempts;
    @Inject
    private OidcProviders providers;
    @Inject
    private OidcLogin login;

    @Override
    public AuthorizationStep callback(String browserTransaction, Map<String, List<String>> query) throws ServiceException {
        String state = first(query, "state");
        LoginAttempt attempt = attempts.peek(state);
        if (attempt == null) {
            throw logins.refuse("unknown", null, EXPIRED);
        }
        String alias = attempt.alias();
        if (!attempt.transactionId().equals(browserTransaction)) {
            throw logins.refuse(alias, state, OTHER_BROWSER);
        }
        if (first(query, "error") != null) {
            throw logins.refuse(alias, state, "the identity provider answered " + first(query, "error"));
        }
        String code = first(query, "code");
        if (code == null) {
            throw logins.refuse(alias, state, "the identity provider's answer carries no code");
        }
        ConfiguredProvider provider;
        try {
            provider = directory.findEnabled(alias);
        } catch (ServiceException e) {
            throw logins.refuse(alias, state, e.getMessage());
        }
        OidcProviders.Discovered discovered = providers.discover(provider);
        JWT idToken = exchange(provider, discovered, attempt, code);
        JWTClaimsSet claims = verified(discovered, idToken, alias, state);
        String stepUpAt = attempt.protocol().get(OidcLogin.STEP_UP_AT);
        String problem = IdTokenChecks.problem(claims, discovered.issuer(), provider.setting("clientId"),
                attempt.protocol().get(OidcLogin.NONCE), stepUpAt == null || stepUpAt.isEmpty() ? null
                        : Long.valueOf(stepUpAt), Instant.now());
        if (problem != null) {
            throw logins.refuse(alias, state, problem);
        }
        Object context = claims.getClaim(provider.settings().getOrDefault("levelClaim", "acr"));
        LevelOfAssurance level = provider.level(context == null ? null : context.toString());
        Map<String, String> attributes = new HashMap<>();
        for (String name : List.of("preferred_username", "email", "acr")) {
            if (claims.getClaim(name) != null) {
                attributes.put(name, claims.getClaim(name).toString());
            }
        }
        return logins.complete(alias, claims.getSubject(), level, attributes, state);
    }

    private JWT exchange(ConfiguredProvider provider, OidcProviders.Discovered discovered, LoginAttempt attempt,
                         String code) throws ServiceException {
        ClientID clientId = new ClientID(provider.setting("clientId"));
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), login.callback(),
                new CodeVerifier(attempt.protocol().get(OidcLogin.VERIFIER)));
        TokenRequest request = provider.secret() == null
                ? new TokenRequest(discovered.metadata().getTokenEndpointURI(), clientId, grant)
                : new TokenRequest(discovered.metadata().getTokenEndpointURI(),
                        new ClientSecretBasic(clientId, new Secret(provider.secret())), grant);
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(OidcProviders.TIMEOUT_MILLIS);
            http.setReadTimeout(OidcProviders.TIMEOUT_MILLIS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw logins.refuse(attempt.alias(), attempt.id(), "the identity provider refused the code: "
                        + response.toErrorResponse().getErrorObject().getCode());
            }
            JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw logins.refuse(attempt.alias(), attempt.id(), "the identity provider returned no ID token");
            }
            return idToken;
        } catch (IOException | ParseException | ClassCastException e) {
            throw logins.refuse(attempt.alias(), attempt.id(), "the identity provider's token endpoint failed");
        }
    }

    private JWTClaimsSet verified(OidcProviders.Discovered discovered, JWT idToken, String alias, String state)
            throws ServiceException {
        if (!(idToken instanceof SignedJWT signed)) {
            throw logins.refuse(alias, state, NOT_SIGNED);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(discovered.algorithms(), discovered.keys()));
        processor.setJWTClaimsSetVerifier(null);
        try {
            return processor.process(signed, null);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw logins.refuse(alias, state, BAD_SIGNATURE);
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
