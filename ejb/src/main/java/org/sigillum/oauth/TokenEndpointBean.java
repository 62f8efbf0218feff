package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashSet;
import org.sigillum.tenancy.GroupPolicies;
import org.sigillum.tenancy.Tenants;
import java.util.Map;
import java.util.Set;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.TokenResponse;
import org.sigillum.api.sam.IssuedSad;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.api.service.TokenEndpoint;
import org.sigillum.audit.Events;
import org.sigillum.token.BearerTokensBean;
import org.sigillum.token.GrantRevokedException;

/**
 * The token endpoint. A code is good once, for the client it was issued to, with the redirect URI and PKCE
 * verifier of its request (C2–C4); a credential-scope code yields a token that is the SAD of what the user
 * approved. Refresh tokens rotate (C6); client_credentials gives operators the admin scope, never a user.
 */
@Stateless
public class TokenEndpointBean implements TokenEndpoint {

    private static final String BEARER = "Bearer";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private ClientRegistryBean clients;
    @EJB
    private AuthorizationCodesBean codes;
    @EJB
    private BearerTokensBean tokens;
    @EJB
    private SignatureActivation sam;
    @EJB
    private AuditTrail audit;

    @Override
    public TokenResponse token(TokenRequest request) throws ServiceException {
        ClientEntity client = clients.authenticate(request.getClientAuthentication(), "token");
        AuthorizationGrant grant = request.getAuthorizationGrant();
        String type = grant.getType().getValue();
        try {
            TokenResponse response;
            if (grant instanceof AuthorizationCodeGrant code) {
                response = redeem(client, code);
            } else if (grant instanceof RefreshTokenGrant refresh) {
                BearerTokensBean.Issued issued = tokens.rotate(refresh.getRefreshToken().getValue(), client.clientId(),
                        scopes(request.getScope()));
                response = new TokenResponse(issued.accessToken(), BEARER, issued.expiresIn(), issued.refreshToken(),
                        String.join(" ", tokens.authenticate(issued.accessToken()).scopes()), null, null);
            } else if (grant instanceof ClientCredentialsGrant) {
                response = clientCredentials(client, request.getScope());
            } else {
                throw new ServiceException(ErrorCode.UNSUPPORTED_GRANT_TYPE, "grant_type " + type + " is not supported");
            }
            audit.record(new AuditEvent(Events.TOKEN_ISSUED, AuditEvent.Outcome.SUCCESS, actor(client), null,
                    response.credentialId(), Map.of("grant", type, "scope", String.valueOf(response.scope())))
                    .forClient(client.clientId()));
            return response;
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.TOKEN_REFUSED, AuditEvent.Outcome.REFUSED, actor(client), null, null,
                    Map.of("grant", type, "reason", e.getMessage())).forClient(client.clientId()));
            throw e;
        }
    }

    @Override
    public void revoke(TokenRevocationRequest request) throws ServiceException {
        ClientEntity client = clients.authenticate(request.getClientAuthentication(), "revoke");
        boolean revoked = tokens.revokeForClient(client.clientId(), request.getToken().getValue());
        // RFC 7009: the client hears the same either way; the audit tells whether a token of its own was revoked
        audit.record(new AuditEvent(revoked ? Events.TOKEN_REVOKED : Events.TOKEN_REVOCATION_REFUSED,
                revoked ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.REFUSED, actor(client), null, null,
                Map.of("via", "oauth2/revoke", "reason", revoked ? "revoked" : "not a live token of this client"))
                .forClient(client.clientId()));
    }

    private TokenResponse redeem(ClientEntity client, AuthorizationCodeGrant grant) throws ServiceException {
        AuthorizationCodesBean.Redemption redemption = codes.redeem(grant.getAuthorizationCode().getValue());
        if (redemption.replayedFamily() != null) {
            // audited as a refusal by the caller; a record here would hold the chain head the refusal needs
            tokens.revokeFamily(redemption.replayedFamily());
            throw new GrantRevokedException("the authorization code was already used; the tokens issued for it are revoked");
        }
        CodeGrant code = redemption.grant();
        if (code == null || Instant.now().isAfter(code.expiresAt())) {
            throw new ServiceException(ErrorCode.INVALID_GRANT, "the authorization code is invalid or expired");
        }
        if (!code.clientId().equals(client.clientId())) {
            throw new ServiceException(ErrorCode.INVALID_GRANT, "the authorization code was issued to another client");
        }
        if (grant.getRedirectionURI() == null || !code.redirectUri().equals(grant.getRedirectionURI().toString())) {
            throw new ServiceException(ErrorCode.INVALID_GRANT, "redirect_uri differs from the authorization request's");
        }
        if (grant.getCodeVerifier() == null || !CodeChallenge.compute(CodeChallengeMethod.S256, grant.getCodeVerifier())
                .getValue().equals(code.codeChallenge())) {
            throw new ServiceException(ErrorCode.INVALID_GRANT, "the PKCE code_verifier does not match the code_challenge");
        }
        if (code.sadGrant() == null) {
            BearerTokensBean.Issued issued = tokens.issue(code.userId(), client.clientId(), Set.of(Scopes.SERVICE),
                    code.familyId(), true);
            return new TokenResponse(issued.accessToken(), BEARER, issued.expiresIn(), issued.refreshToken(),
                    Scopes.SERVICE, null, null);
        }
        IssuedSad sad = sam.issue(code.sadGrant(), GroupPolicies.sadLifetimeSeconds(
                Tenants.policyOfUser(em, code.userId()), Long.MAX_VALUE));
        BearerTokensBean.Issued issued = tokens.issueCredentialToken(code.userId(), client.clientId(), sad, code.familyId(),
                code.sadGrant().credentialId());
        audit.record(new AuditEvent(Events.AUTHORIZED, AuditEvent.Outcome.SUCCESS, code.userId(), code.userId(),
                code.sadGrant().credentialId(), Map.of("numSignatures", String.valueOf(code.sadGrant().numSignatures()),
                        "factors", String.join(" ", code.sadGrant().factors()), "via", "oauth2"))
                .forClient(client.clientId()).counting(code.sadGrant().numSignatures()));
        return new TokenResponse(issued.accessToken(), BEARER, issued.expiresIn(), null, Scopes.CREDENTIAL,
                code.sadGrant().credentialId(), details(code.authorizationDetails()));
    }

    /** The scopes of a back office, which never speaks for a user (client_credentials). */
    private static final Set<String> BACK_OFFICE = Set.of(Scopes.ADMIN, Scopes.USERS, Scopes.AUDITOR);

    private TokenResponse clientCredentials(ClientEntity client, Scope requested) throws ServiceException {
        Set<String> scopes = scopes(requested);
        if (scopes == null) {
            scopes = new LinkedHashSet<>(client.scopes());
            scopes.retainAll(BACK_OFFICE);
            if (scopes.isEmpty()) {
                scopes = Set.of(Scopes.ADMIN);
            }
        }
        if (!BACK_OFFICE.containsAll(scopes) || !client.scopes().containsAll(scopes)) {
            throw new ServiceException(ErrorCode.INVALID_SCOPE, "client_credentials grants only the admin, users and "
                    + "auditor scopes, to clients registered for them");
        }
        BearerTokensBean.Issued issued = tokens.issue(null, client.clientId(), scopes, null, false);
        return new TokenResponse(issued.accessToken(), BEARER, issued.expiresIn(), null, String.join(" ", scopes), null,
                null);
    }

    private static Set<String> scopes(Scope scope) {
        return scope == null || scope.isEmpty() ? null : new LinkedHashSet<>(scope.toStringList());
    }

    private static JsonArray details(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static String actor(ClientEntity client) {
        return "client:" + client.clientId();
    }
}
