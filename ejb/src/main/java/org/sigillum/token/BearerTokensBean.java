package org.sigillum.token;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.IssuedSad;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.BearerTokens;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.audit.Events;
import org.sigillum.sam.auth.Digests;
import org.sigillum.tenancy.Tenants;

/**
 * Issues and checks opaque bearer tokens: 256 random bits, base64url; the database keeps their SHA-256, so a
 * dump of it yields no usable token. Tokens of one grant share a family: a rotated refresh token or a spent
 * authorization code presented again revokes the family, since one of the two presenters is a thief (C2, C6).
 */
@Stateless
@LocalBean
public class BearerTokensBean implements BearerTokens {

    /** Paths are recorded up to this length: the record is evidence, not a store for what a caller sends. */
    private static final int MAX_AUDITED_PATH = 200;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private SignatureActivation sam;
    @EJB
    private AuditTrail audit;
    @Inject
    private AccessTokenCache cache;

    @Inject
    @ConfigProperty(name = "sigillum.token.access-seconds", defaultValue = "3600")
    long accessSeconds;
    @Inject
    @ConfigProperty(name = "sigillum.token.refresh-seconds", defaultValue = "2592000")
    long refreshSeconds;

    /** What a grant hands the application: the token values exist nowhere else afterwards. */
    public record Issued(String accessToken, String refreshToken, long expiresIn) {

        @Override
        public String toString() {
            return "Issued[expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * A single read by primary key: called from the request filters, outside any transaction, it needs none of
     * its own (a JTA transaction and a database commit per request for nothing); inside one it joins it.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TokenPrincipal authenticate(String accessToken) throws ServiceException {
        if (accessToken == null) {
            throw new ServiceException(ErrorCode.INVALID_TOKEN, "the access token is missing, expired or revoked");
        }
        String digest = digest(accessToken);
        Instant now = Instant.now();
        TokenPrincipal cached = cache.find(digest, now);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        BearerTokenEntity token = em.find(BearerTokenEntity.class, digest);
        if (token == null || !token.liveAt(now, BearerTokenEntity.ACCESS)
                || (token.userId() != null && !Tenants.mayActFor(em, token.userId(), token.clientId()))) {
            // a token of a service provider for a user of another group (its client was moved), or of a disabled
            // account, is refused like an expired one: every call a user's token makes passes here (C12); moving a
            // client and disabling an account clear the token cache on every node
            throw new ServiceException(ErrorCode.INVALID_TOKEN, "the access token is missing, expired or revoked");
        }
        TokenPrincipal principal = new TokenPrincipal(token.userId(), token.clientId(), token.scopes());
        cache.remember(digest, principal, token.expiresAt(), generation, now);
        return principal;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TokenPrincipal authenticateOperator(String accessToken, boolean presented, String method, String path)
            throws ServiceException {
        return authenticateOperator(accessToken, presented, method, path, Set.of());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TokenPrincipal authenticateOperator(String accessToken, boolean presented, String method, String path,
                                               Set<String> alsoAdmitted) throws ServiceException {
        TokenPrincipal principal;
        try {
            principal = authenticate(accessToken);
        } catch (ServiceException e) {
            if (presented) {
                refuseOperator("anonymous", e.getMessage(), method, path);
            }
            throw e;
        }
        if (principal.userId() != null || (!principal.scopes().contains(Scopes.ADMIN)
                && alsoAdmitted.stream().noneMatch(principal.scopes()::contains))) {
            String reason = "the token is not valid for the admin API";
            refuseOperator(principal.userId() != null ? principal.userId() : "client:" + principal.clientId(), reason,
                    method, path);
            throw new ServiceException(ErrorCode.INVALID_TOKEN, reason);
        }
        return principal;
    }

    /** An admin call with a token that is not an operator's: audited (checklist E1, C12). */
    private void refuseOperator(String actor, String reason, String method, String path) {
        String shown = path.length() > MAX_AUDITED_PATH ? path.substring(0, MAX_AUDITED_PATH) : path;
        audit.recordRefusal(new AuditEvent(Events.ADMIN_ACCESS_REFUSED, AuditEvent.Outcome.REFUSED, actor, null, null,
                Map.of("method", method, "path", shown, "reason", reason)));
    }

    /** The credential a live credential-scope access token authorizes, or null for any other token. */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String credentialOf(String accessToken) {
        BearerTokenEntity token = accessToken == null ? null : em.find(BearerTokenEntity.class, digest(accessToken));
        if (token == null || !token.liveAt(Instant.now(), BearerTokenEntity.ACCESS)
                || !token.scopes().contains(Scopes.CREDENTIAL)) {
            return null;
        }
        return token.credentialId();
    }

    /** CSC auth/revoke: only the user's own tokens; audited either way (the caller hears the same). */
    @Override
    public void revoke(String userId, String value) {
        BearerTokenEntity token = value == null ? null : em.find(BearerTokenEntity.class, digest(value));
        boolean own = token != null && userId != null && userId.equals(token.userId());
        if (own) {
            revokeGrant(token);
        }
        audit.record(new AuditEvent(own ? Events.TOKEN_REVOKED : Events.TOKEN_REVOCATION_REFUSED,
                own ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.REFUSED, userId, userId, null,
                Map.of("via", "auth/revoke", "reason", own ? "revoked" : "not a token of this user")));
    }

    /**
     * RFC 7009 for a client application: only its own tokens; an unknown token is not an error.
     *
     * @return whether a token of the client's was revoked
     */
    public boolean revokeForClient(String clientId, String value) {
        BearerTokenEntity token = value == null ? null : em.find(BearerTokenEntity.class, digest(value));
        if (token != null && clientId.equals(token.clientId())) {
            revokeGrant(token);
            return true;
        }
        return false;
    }

    public static String newFamily() {
        return UUID.randomUUID().toString();
    }

    /** An access token, and a refresh token when {@code withRefresh}, in a family of their own or a given one. */
    public Issued issue(String userId, String clientId, Set<String> scopes, String familyId, boolean withRefresh) {
        String family = familyId == null ? newFamily() : familyId;
        String access = issue(BearerTokenEntity.ACCESS, userId, clientId, scopes, family, Duration.ofSeconds(accessSeconds));
        String refresh = withRefresh
                ? issue(BearerTokenEntity.REFRESH, userId, clientId, scopes, family, Duration.ofSeconds(refreshSeconds))
                : null;
        return new Issued(access, refresh, accessSeconds);
    }

    /**
     * A credential-scope access token: the SAD value itself, recorded as a bearer token of the user with the SAD's
     * lifetime, so that it authenticates the signHash call that spends it.
     */
    public Issued issueCredentialToken(String userId, String clientId, IssuedSad sad, String familyId,
                                       String credentialId) {
        Instant now = Instant.now();
        em.persist(new BearerTokenEntity(digest(sad.value()), BearerTokenEntity.ACCESS, userId, clientId,
                Set.of(Scopes.CREDENTIAL), familyId, now, now.plusSeconds(sad.expiresInSeconds()))
                .forCredential(credentialId));
        return new Issued(sad.value(), null, sad.expiresInSeconds());
    }

    /**
     * Trades a live refresh token of {@code clientId} (null for CSC auth/login's own tokens) for a new pair in
     * the same family. A refresh token that was already rotated or revoked revokes its family.
     */
    public Issued rotate(String refreshToken, String clientId, Set<String> narrowedScopes) throws ServiceException {
        BearerTokenEntity token = refreshToken == null ? null
                : em.find(BearerTokenEntity.class, digest(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        if (token == null || !token.isRefresh() || !java.util.Objects.equals(clientId, token.clientId())) {
            throw new ServiceException(ErrorCode.INVALID_GRANT, "the refresh token is invalid, expired or revoked");
        }
        if (!token.liveAt(Instant.now(), BearerTokenEntity.REFRESH)) {
            if (token.familyId() != null) {
                revokeFamily(token.familyId());
                throw new GrantRevokedException("the refresh token was already used; its grant is revoked");
            }
            throw new ServiceException(ErrorCode.INVALID_GRANT, "the refresh token is invalid, expired or revoked");
        }
        Set<String> scopes = token.scopes();
        if (narrowedScopes != null && !narrowedScopes.isEmpty()) {
            if (!scopes.containsAll(narrowedScopes)) {
                throw new ServiceException(ErrorCode.INVALID_SCOPE, "a refresh cannot widen the scope");
            }
            scopes = narrowedScopes;
        }
        token.revoke();
        return issue(token.userId(), token.clientId(), scopes, token.familyId(), true);
    }

    /** Revokes every token of a family, and withdraws the SADs its credential tokens stand for. */
    public void revokeFamily(String familyId) {
        List<BearerTokenEntity> family = em.createQuery(
                "select t from BearerTokenEntity t where t.familyId = :family", BearerTokenEntity.class)
                .setParameter("family", familyId).getResultList();
        for (BearerTokenEntity member : family) {
            withdraw(member);
        }
    }

    /** Revokes every token a client holds (the client was deleted). */
    public void revokeAllOfClient(String clientId) {
        em.createQuery("select t from BearerTokenEntity t where t.clientId = :client", BearerTokenEntity.class)
                .setParameter("client", clientId).getResultList().forEach(this::withdraw);
    }

    public long accessLifetimeSeconds() {
        return accessSeconds;
    }

    private void revokeGrant(BearerTokenEntity token) {
        if (token.familyId() != null && token.isRefresh()) {
            revokeFamily(token.familyId());
        } else {
            withdraw(token);
        }
    }

    private void withdraw(BearerTokenEntity token) {
        token.revoke();
        cache.forgetEverywhere();
        if (token.scopes().contains(Scopes.CREDENTIAL)) {
            sam.withdraw(token.tokenHash());
        }
    }

    private String issue(String type, String userId, String clientId, Set<String> scopes, String familyId,
                         Duration lifetime) {
        byte[] raw = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(raw);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = Instant.now();
        em.persist(new BearerTokenEntity(digest(value), type, userId, clientId, scopes, familyId, now, now.plus(lifetime)));
        return value;
    }

    private static String digest(String token) {
        return Digests.sha256Hex(token);
    }
}
