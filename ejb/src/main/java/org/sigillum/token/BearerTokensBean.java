package org.sigillum.token;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.BearerTokens;
import org.sigillum.sam.auth.Digests;

/**
 * Issues and checks opaque bearer tokens: 256 random bits, base64url; the database keeps their SHA-256, so a
 * dump of it yields no usable token.
 */
@Stateless
@LocalBean
public class BearerTokensBean implements BearerTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "sigillum.token.access-seconds", defaultValue = "3600")
    long accessSeconds;
    @Inject
    @ConfigProperty(name = "sigillum.token.refresh-seconds", defaultValue = "2592000")
    long refreshSeconds;

    @Override
    public TokenPrincipal authenticate(String accessToken) throws ServiceException {
        BearerTokenEntity token = accessToken == null ? null : em.find(BearerTokenEntity.class, digest(accessToken));
        if (token == null || !token.liveAt(Instant.now(), BearerTokenEntity.ACCESS)) {
            throw new ServiceException(ErrorCode.INVALID_TOKEN, "the access token is missing, expired or revoked");
        }
        return new TokenPrincipal(token.userId(), token.clientId(), token.scopes());
    }

    @Override
    public void revoke(String userId, String value) {
        BearerTokenEntity token = value == null ? null : em.find(BearerTokenEntity.class, digest(value));
        if (token != null && userId != null && userId.equals(token.userId())) {
            token.revoke();
        }
    }

    /** A new access token; returns the value, which exists nowhere else afterwards. */
    public String issueAccess(String userId, String clientId, Set<String> scopes) {
        return issue(BearerTokenEntity.ACCESS, userId, clientId, scopes, Duration.ofSeconds(accessSeconds));
    }

    public String issueRefresh(String userId, String clientId, Set<String> scopes) {
        return issue(BearerTokenEntity.REFRESH, userId, clientId, scopes, Duration.ofSeconds(refreshSeconds));
    }

    /** The principal of a live refresh token, or {@code invalid_grant}. */
    public TokenPrincipal redeemRefresh(String refreshToken) throws ServiceException {
        BearerTokenEntity token = refreshToken == null ? null : em.find(BearerTokenEntity.class, digest(refreshToken));
        if (token == null || !token.liveAt(Instant.now(), BearerTokenEntity.REFRESH)) {
            throw new ServiceException(ErrorCode.INVALID_GRANT, "the refresh token is invalid, expired or revoked");
        }
        return new TokenPrincipal(token.userId(), token.clientId(), token.scopes());
    }

    public long accessLifetimeSeconds() {
        return accessSeconds;
    }

    private String issue(String type, String userId, String clientId, Set<String> scopes, Duration lifetime) {
        byte[] raw = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(raw);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = Instant.now();
        em.persist(new BearerTokenEntity(digest(value), type, userId, clientId, scopes, now, now.plus(lifetime)));
        return value;
    }

    private static String digest(String token) {
        return Digests.sha256Hex(token);
    }
}
