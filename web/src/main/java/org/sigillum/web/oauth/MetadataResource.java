package org.sigillum.web.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.auth.Scopes;

/** RFC 8414 authorization server metadata, so clients configure themselves from the issuer URL alone. */
@Path("/.well-known/oauth-authorization-server")
public class MetadataResource {

    private static final List<ClientAuthenticationMethod> CLIENT_AUTHENTICATION = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST,
            ClientAuthenticationMethod.PRIVATE_KEY_JWT);
    private static final List<JWSAlgorithm> ASSERTION_ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    @Inject
    private PublicUrls urls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2.0 authorization server metadata (RFC 8414)")
    public String metadata() {
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(new Issuer(urls.base()));
        metadata.setAuthorizationEndpointURI(urls.oauth("authorize"));
        metadata.setTokenEndpointURI(urls.oauth("token"));
        metadata.setRevocationEndpointURI(urls.oauth("revoke"));
        metadata.setPushedAuthorizationRequestEndpointURI(urls.oauth("pushed_authorize"));
        metadata.setScopes(new Scope(Scopes.SERVICE, Scopes.CREDENTIAL, Scopes.ADMIN, Scopes.USERS, Scopes.AUDITOR));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(CLIENT_AUTHENTICATION);
        metadata.setTokenEndpointJWSAlgs(ASSERTION_ALGORITHMS);
        metadata.setRevocationEndpointAuthMethods(CLIENT_AUTHENTICATION);
        metadata.setRevocationEndpointJWSAlgs(ASSERTION_ALGORITHMS);
        metadata.setAuthorizationDetailsTypes(List.of(new AuthorizationType(Scopes.CREDENTIAL)));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setSupportsRequestURIParam(true);
        return metadata.toJSONObject().toJSONString();
    }
}
