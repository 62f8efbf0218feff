package org.sigillum.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.JWTAuthentication;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.ClientRegistrationRequest;
import org.sigillum.api.oauth.RegisteredClient;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.ClientRegistry;
import org.sigillum.account.VerificationSlots;
import org.sigillum.audit.Events;
import org.sigillum.sam.auth.HsmPepper;
import org.sigillum.sam.auth.SecretHasher;
import org.sigillum.tenancy.GroupEntity;
import org.sigillum.token.BearerTokensBean;

/**
 * Registers client applications and authenticates them at the token, revocation and PAR endpoints: a secret
 * (kept as an Argon2id hash under the HSM pepper) or a private_key_jwt assertion checked against the client's
 * registered public keys, each assertion usable once.
 */
@Stateless
@LocalBean
public class ClientRegistryBean implements ClientRegistry {

    private static final Set<String> METHODS = Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue(), ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue());
    private static final int MAX_REDIRECT_URIS = 10;
    private static final int MAX_URI_LENGTH = 2000;
    private static final int SECRET_BYTES = 32;
    private static final String REFUSED = "client authentication failed";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private RequestCaller caller;
    @EJB
    private AuditTrail audit;
    @EJB
    private BearerTokensBean tokens;
    @EJB
    private ClientAssertionReplayBean assertionReplay;
    @Inject
    private HsmPepper pepper;
    @Inject
    private OAuthEndpoints endpoints;
    @Inject
    private VerificationSlots slots;

    @Override
    public RegisteredClient register(ClientRegistrationRequest request) throws ServiceException {
        try {
            if (request == null) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "a JSON registration is required");
            }
            RegisteredClient client = register(UUID.randomUUID().toString(), newSecret(), request);
            audit.record(new AuditEvent(Events.CLIENT_REGISTERED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                    Map.of("registered", client.clientId(), "scope", client.scope(), "group", client.group())));
            return client;
        } catch (ServiceException e) {
            audit.recordRefusal(Events.unsuccessful(Events.CLIENT_REGISTRATION_REFUSED, Events.CLIENT_REGISTRATION_REFUSED, e, caller.actor(), null, Map.of()));
            throw e;
        }
    }

    /** Registers under a given ID and secret (the bootstrap client); the secret is ignored for private_key_jwt. */
    public RegisteredClient register(String clientId, String secret, ClientRegistrationRequest request) throws ServiceException {
        String name = request.clientName();
        if (name == null || name.isBlank() || name.length() > 256) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "client_name of 1 to 256 characters is required");
        }
        Set<String> scopes = scopes(request.scope());
        List<String> redirectUris = redirectUris(request.redirectUris());
        if (redirectUris.isEmpty() && (scopes.contains(Scopes.SERVICE) || scopes.contains(Scopes.CREDENTIAL))) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "scopes service and credential need redirect_uris");
        }
        String method = request.tokenEndpointAuthMethod() == null
                ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue() : request.tokenEndpointAuthMethod();
        if (!METHODS.contains(method)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "token_endpoint_auth_method must be one of " + METHODS);
        }
        boolean keyBased = ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue().equals(method);
        String jwks = keyBased ? publicJwks(request.jwks()) : null;
        String shownSecret = keyBased ? null : secret;
        String group = request.group() == null ? GroupEntity.DEFAULT : request.group();
        if (em.find(GroupEntity.class, group) == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "group names no existing group");
        }
        em.persist(new ClientEntity(clientId, name, keyBased ? null : SecretHasher.hash(secret.toCharArray(), pepper),
                method, jwks, redirectUris, scopes, group, Instant.now()));
        return new RegisteredClient(clientId, shownSecret, name, redirectUris, String.join(" ", scopes), method, group);
    }

    @Override
    public List<RegisteredClient> clients() {
        return em.createQuery("select c from ClientEntity c order by c.createdAt", ClientEntity.class).getResultList()
                .stream().map(c -> c.view(null)).toList();
    }

    @Override
    public RegisteredClient client(String clientId) throws ServiceException {
        return existing(clientId).view(null);
    }

    @Override
    public void delete(String clientId) throws ServiceException {
        ClientEntity client = existing(clientId);
        tokens.revokeAllOfClient(clientId);
        em.remove(client);
        audit.record(new AuditEvent(Events.CLIENT_DELETED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                Map.of("deleted", clientId)));
    }

    /**
     * The registered, enabled client a request authenticates as at the named endpoint ({@code token}, {@code par},
     * {@code revoke}), or {@code invalid_client}; a refusal is audited, so that an operator sees a client's
     * credentials being guessed or an assertion replayed (checklist E1). Runs outside the caller's transaction,
     * like a password or PIN check: the client is read, its secret hashed in one of the {@link VerificationSlots}
     * while no database connection is held, and a refusal written in a short transaction of its own, so that a flood
     * of wrong secrets neither takes every core nor holds connections that other callers need (checklist G2). The
     * caller must not have used the database in its transaction before; the client comes back detached.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ClientEntity authenticate(ClientAuthentication authentication, String endpoint) throws ServiceException {
        try {
            return verifiedClient(authentication);
        } catch (ServiceException e) {
            if (e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
                // nothing was checked (no verification slot, or no HSM): no guess to record, as for PINs and passwords
                throw e;
            }
            String claimed = authentication == null ? "" : Events.claimed(authentication.getClientID().getValue());
            Map<String, String> details = new java.util.TreeMap<>();
            details.put("clientId", claimed);
            details.put("method", authentication == null ? "none" : authentication.getMethod().getValue());
            details.put("endpoint", String.valueOf(endpoint));
            details.put("reason", e.getMessage());
            audit.recordRefusal(new AuditEvent(Events.CLIENT_AUTHENTICATION_REFUSED, AuditEvent.Outcome.REFUSED,
                    "client:" + claimed, null, null, details));
            throw e;
        }
    }

    private ClientEntity verifiedClient(ClientAuthentication authentication) throws ServiceException {
        if (authentication == null) {
            throw new ServiceException(ErrorCode.INVALID_CLIENT, "client authentication is required");
        }
        ClientEntity client = em.find(ClientEntity.class, authentication.getClientID().getValue());
        if (client == null || !client.enabled()
                || !client.authMethod().equals(authentication.getMethod().getValue())) {
            throw new ServiceException(ErrorCode.INVALID_CLIENT, REFUSED);
        }
        if (authentication instanceof PlainClientSecret plain) {
            String stored = client.secretHash();
            if (!slots.verify(() -> SecretHasher.matches(plain.getClientSecret().getValue().toCharArray(), stored, pepper))) {
                throw new ServiceException(ErrorCode.INVALID_CLIENT, REFUSED);
            }
            return client;
        }
        if (authentication instanceof JWTAuthentication assertion) {
            if (ClientAssertionReplayBean.expiresTooLate(assertion)) {
                throw new ServiceException(ErrorCode.INVALID_CLIENT, "a client assertion must expire within "
                        + ClientAssertionReplayBean.MAX_LIFETIME.toMinutes() + " minutes");
            }
            if (assertion.getJWTAuthenticationClaimsSet().getJWTID() == null) {
                // without an ID the replay ledger has nothing to claim: the assertion could be replayed until it expires
                throw new ServiceException(ErrorCode.INVALID_CLIENT, "a client assertion must carry a jti");
            }
        }
        try {
            new ClientAuthenticationVerifier<>(new RegisteredKeys(client), endpoints.assertionAudiences(), assertionReplay)
                    .verify(authentication, null, null);
            return client;
        } catch (InvalidClientException | JOSEException e) {
            throw new ServiceException(ErrorCode.INVALID_CLIENT, REFUSED);
        }
    }

    /** Looks up a client for the authorization endpoint, which sees only a client_id. */
    public ClientEntity find(String clientId) {
        ClientEntity client = clientId == null ? null : em.find(ClientEntity.class, clientId);
        return client != null && client.enabled() ? client : null;
    }

    /** Replaces a client's secret (the bootstrap client, when the operator sets a new one). */
    public void resetSecret(ClientEntity client, String secret) throws ServiceException {
        client.secretHash(SecretHasher.hash(secret.toCharArray(), pepper));
    }

    public boolean secretMatches(ClientEntity client, String secret) throws ServiceException {
        String stored = client.secretHash();
        return stored != null && slots.verify(() -> SecretHasher.matches(secret.toCharArray(), stored, pepper));
    }

    private ClientEntity existing(String clientId) throws ServiceException {
        ClientEntity client = clientId == null ? null : em.find(ClientEntity.class, clientId);
        if (client == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such client");
        }
        return client;
    }

    private static Set<String> scopes(String scope) throws ServiceException {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.trim().split(" +")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        if (scopes.isEmpty() || !Scopes.ALL.containsAll(scopes)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "scope must name some of " + Scopes.ALL);
        }
        return scopes;
    }

    /**
     * Absolute https URIs, or http on the loopback interface (native apps, RFC 8252), without fragment: the
     * authorization endpoint compares them exactly (checklist C1).
     */
    private static List<String> redirectUris(List<String> requested) throws ServiceException {
        List<String> uris = new ArrayList<>();
        if (requested == null) {
            return uris;
        }
        if (requested.size() > MAX_REDIRECT_URIS) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "at most " + MAX_REDIRECT_URIS + " redirect_uris");
        }
        for (String value : requested) {
            URI uri;
            try {
                uri = value == null || value.length() > MAX_URI_LENGTH ? null : new URI(value);
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            boolean loopback = uri != null && uri.getHost() != null
                    && Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost());
            if (uri == null || !uri.isAbsolute() || uri.getFragment() != null || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST,
                        "redirect_uris must be absolute https URIs (http only on loopback), without fragment");
            }
            uris.add(value);
        }
        return uris;
    }

    private static String publicJwks(String jwks) throws ServiceException {
        try {
            JWKSet set = JWKSet.parse(jwks == null ? "" : jwks);
            if (set.getKeys().isEmpty() || set.getKeys().stream().anyMatch(k -> k.isPrivate() || !(k instanceof AsymmetricJWK))) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "jwks must hold public asymmetric keys only");
            }
            return set.toString(true);
        } catch (ParseException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "jwks is not a JWK set: " + e.getMessage());
        }
    }

    private static String newSecret() {
        byte[] raw = new byte[SECRET_BYTES];
        new java.security.SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The client's registered public keys, for its assertions; a kid in the header narrows the choice. */
    private record RegisteredKeys(ClientEntity client) implements ClientCredentialsSelector<Void> {

        @Override
        public List<Secret> selectClientSecrets(ClientID id, ClientAuthenticationMethod method, Context<Void> context) {
            return List.of();
        }

        @Override
        public List<PublicKey> selectPublicKeys(ClientID id, ClientAuthenticationMethod method, JWSHeader header,
                                                boolean forceRefresh, Context<Void> context) throws InvalidClientException {
            List<PublicKey> keys = new ArrayList<>();
            try {
                for (JWK jwk : JWKSet.parse(client.jwks()).getKeys()) {
                    if (header.getKeyID() == null || header.getKeyID().equals(jwk.getKeyID())) {
                        keys.add(((AsymmetricJWK) jwk).toPublicKey());
                    }
                }
            } catch (ParseException | JOSEException e) {
                throw new InvalidClientException("the registered keys are unusable");
            }
            return keys;
        }
    }
}
