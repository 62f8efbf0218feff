package org.sigillum.account;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.sigillum.settings.ServiceSettings;
import org.sigillum.tenancy.GroupPolicies;
import org.sigillum.tenancy.Tenants;
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
    private VerificationSlots slots;
    @Resource
    private SessionContext context;

    @Inject
    ServiceSettings settings;

    @Override
    public LoginResponse login(String username, char[] password, boolean rememberMe) throws ServiceException {
        requireEnabled();
        // through the container, so that the password is checked outside this transaction (no connection held)
        String userId = context.getBusinessObject(LocalLogin.class).authenticate(username, password);
        // after the password: only the account's holder learns that its group does not allow auth/login
        GroupPolicies.requireBasicLogin(Tenants.policyOfUser(em, userId));
        BearerTokensBean.Issued issued = tokens.issue(userId, null, Set.of(Scopes.SERVICE), null, rememberMe);
        audit.record(new AuditEvent(Events.LOGIN_SUCCEEDED, AuditEvent.Outcome.SUCCESS, userId, userId, null,
                Map.of("rememberMe", String.valueOf(rememberMe))));
        return new LoginResponse(issued.accessToken(), issued.refreshToken(), issued.expiresIn());
    }

    /**
     * The login page's check: the password as below (the same work and counting for every account), then the
     * client's group, outside any transaction like it.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String authenticate(String username, char[] password, String clientId) throws ServiceException {
        String userId = context.getBusinessObject(LocalLogin.class).authenticate(username, password);
        if (!Tenants.mayActFor(em, userId, clientId)) {
            // the answer of a wrong password, after the same work: the account is not there for this client (C12)
            audit.recordRefusal(new AuditEvent(Events.LOGIN_REFUSED, AuditEvent.Outcome.REFUSED, actor(username), userId,
                    null, Map.of("username", String.valueOf(username), "client", String.valueOf(clientId),
                            "reason", "account of another group")));
            throw new ServiceException(ErrorCode.INVALID_GRANT, REFUSAL);
        }
        return userId;
    }

    /**
     * Runs outside any transaction: the account is read, an attempt reserved, the password hashed while no
     * database connection is held, and the outcome written in one short transaction (checklist C8, G2).
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String authenticate(String username, char[] password) throws ServiceException {
        if (username == null || username.isEmpty() || password == null || password.length == 0) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a username and a password are required");
        }
        UserEntity user = byUsername(username);
        if (user != null && !Tenants.mayActFor(em, user.id(), null)) {
            // a disabled account is not there for any login
            user = null;
        }
        boolean known = user != null && user.passwordHash() != null;
        boolean reserved = known && failures.reserve(user.id(), AuthenticationFailuresBean.Factor.PASSWORD);
        boolean passwordMatches;
        try {
            // the same work whether the user exists, is locked or not, so the time taken does not tell
            String stored = known ? user.passwordHash() : decoy();
            passwordMatches = slots.verify(() -> SecretHasher.matches(password, stored, pepper));
        } catch (ServiceException | RuntimeException e) {
            if (reserved) {
                failures.cancelled(user.id(), AuthenticationFailuresBean.Factor.PASSWORD);
            }
            throw e;
        }
        if (reserved && passwordMatches) {
            failures.succeeded(user.id(), AuthenticationFailuresBean.Factor.PASSWORD,
                    freshHash(user.passwordHash(), password));
            return user.id();
        }
        AuditEvent refusal = new AuditEvent(Events.LOGIN_REFUSED, AuditEvent.Outcome.REFUSED, actor(username),
                user == null ? null : user.id(), null, Map.of("username", String.valueOf(username)));
        if (reserved) {
            failures.failed(user.id(), AuthenticationFailuresBean.Factor.PASSWORD, refusal);
        } else {
            audit.recordRefusal(refusal);
        }
        throw new ServiceException(ErrorCode.INVALID_GRANT, REFUSAL);
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
        if (!settings.loginEnabled()) {
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
        return "login:" + Events.claimed(username);
    }

    /** A hash from before the HSM pepper set the cost is replaced now that the password is known to be right. */
    private String freshHash(String stored, char[] password) throws ServiceException {
        return SecretHasher.outdated(stored) ? SecretHasher.hash(password, pepper) : null;
    }
}
