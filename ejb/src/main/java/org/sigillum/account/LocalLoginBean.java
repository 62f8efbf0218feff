package org.sigillum.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.LoginResponse;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.LocalLogin;
import org.sigillum.audit.Events;
import org.sigillum.sam.auth.HsmPepper;
import org.sigillum.sam.auth.SecretHasher;
import org.sigillum.token.BearerTokensBean;

/**
 * CSC {@code auth/login} with a local account's password. A wrong password, an unknown user and a locked
 * account get the same answer after the same work (one Argon2id computation), so the response tells an
 * attacker nothing about which it was (checklist C8).
 */
@Stateless
public class LocalLoginBean implements LocalLogin {

    private static final String REFUSAL = "the username or password is wrong, or the account is locked";
    /** Verified against when the user does not exist, so that the time taken does not tell. */
    private static volatile String decoyHash;

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private BearerTokensBean tokens;
    @EJB
    private AuthenticationFailuresBean failures;
    @EJB
    private AuditTrail audit;
    @Inject
    private HsmPepper pepper;

    @Inject
    @ConfigProperty(name = "sigillum.login.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public LoginResponse login(String username, char[] password, boolean rememberMe) throws ServiceException {
        requireEnabled();
        String userId = authenticate(username, password);
        BearerTokensBean.Issued issued = tokens.issue(userId, null, Set.of(Scopes.SERVICE), null, rememberMe);
        audit.record(new AuditEvent(Events.LOGIN_SUCCEEDED, AuditEvent.Outcome.SUCCESS, userId, userId, null,
                Map.of("rememberMe", String.valueOf(rememberMe))));
        return new LoginResponse(issued.accessToken(), issued.refreshToken(), issued.expiresIn());
    }

    @Override
    public String authenticate(String username, char[] password) throws ServiceException {
        UserEntity user = byUsername(username);
        boolean passwordMatches = SecretHasher.matches(password,
                user == null || user.passwordHash() == null ? decoy() : user.passwordHash(), pepper);
        Instant now = Instant.now();
        if (user == null || user.passwordHash() == null || !passwordMatches || user.logins().lockedAt(now)) {
            if (user != null && !user.logins().lockedAt(now)) {
                failures.loginFailed(user.id());
            }
            audit.recordRefusal(new AuditEvent(Events.LOGIN_REFUSED, AuditEvent.Outcome.REFUSED, actor(username),
                    user == null ? null : user.id(), null, Map.of("username", String.valueOf(username))));
            throw new ServiceException(ErrorCode.INVALID_GRANT, REFUSAL);
        }
        user.logins().succeeded();
        if (SecretHasher.outdated(user.passwordHash())) {
            // a hash from before the HSM pepper set the cost: replace it now that the password is known to be right
            user.rehashPassword(SecretHasher.hash(password, pepper));
        }
        return user.id();
    }

    @Override
    public LoginResponse refresh(String refreshToken) throws ServiceException {
        requireEnabled();
        BearerTokensBean.Issued issued = tokens.rotate(refreshToken, null, null);
        TokenPrincipal principal = tokens.authenticate(issued.accessToken());
        audit.record(new AuditEvent(Events.LOGIN_SUCCEEDED, AuditEvent.Outcome.SUCCESS, principal.userId(),
                principal.userId(), null, Map.of("refresh", "true")));
        return new LoginResponse(issued.accessToken(), issued.refreshToken(), issued.expiresIn());
    }

    private String decoy() throws ServiceException {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = SecretHasher.hash("decoy password".toCharArray(), pepper);
            decoyHash = decoy;
        }
        return decoy;
    }

    private void requireEnabled() throws ServiceException {
        if (!enabled) {
            throw new ServiceException(ErrorCode.ACCESS_DENIED, "auth/login is disabled on this server");
        }
    }

    private UserEntity byUsername(String username) {
        if (username == null) {
            return null;
        }
        List<UserEntity> found = em.createQuery("select u from UserEntity u where u.username = :name", UserEntity.class)
                .setParameter("name", username).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Refusals name the claimed username, truncated: the actor of a failed login is who it claimed to be. */
    private static String actor(String username) {
        String claimed = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return "login:" + (claimed.length() > 64 ? claimed.substring(0, 64) : claimed);
    }
}
