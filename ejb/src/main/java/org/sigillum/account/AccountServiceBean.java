package org.sigillum.account;

import jakarta.annotation.Resource;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.token.AccessTokenCache;
import org.sigillum.api.admin.TotpEnrollment;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sigillum.api.admin.CreateUserRequest;
import org.sigillum.api.admin.UserView;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AccountService;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.KeyStoreService;
import org.sigillum.audit.Events;
import org.sigillum.sam.auth.HsmPepper;
import org.sigillum.sam.auth.SecretHasher;
import org.sigillum.settings.ServiceSettings;
import org.sigillum.tenancy.GroupEntity;
import org.sigillum.tenancy.Tenants;

@Stateless
public class AccountServiceBean implements AccountService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,12}");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 256;
    private static final int MAX_LISTED = 500;

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private RequestCaller caller;

    @EJB
    private AuditTrail audit;
    @EJB
    private KeyStoreService keyStore;
    @Inject
    private HsmPepper pepper;
    @Inject
    private AccessTokenCache tokenCache;
    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Inject
    ServiceSettings settings;

    @Override
    public UserView createUser(CreateUserRequest request) throws ServiceException {
        String requested = request == null ? null : request.username();
        try {
            UserEntity user = newUser(request);
            audit.record(new AuditEvent(Events.USER_CREATED, AuditEvent.Outcome.SUCCESS, caller.actor(), user.id(), null,
                    Map.of("username", user.username())));
            return view(user);
        } catch (ServiceException e) {
            audit.recordRefusal(Events.unsuccessful(Events.USER_CREATION_REFUSED, Events.USER_CREATION_REFUSED, e, caller.actor(), null,
                    requested == null ? Map.of() : Map.of("username", requested)));
            throw e;
        }
    }

    private UserEntity newUser(CreateUserRequest request) throws ServiceException {
        if (request == null || request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST,
                    "username must be 1-128 characters of letters, digits and . _ @ + -");
        }
        boolean taken = !em.createQuery("select u.id from UserEntity u where u.username = :name", String.class)
                .setParameter("name", request.username()).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new ServiceException(ErrorCode.CONFLICT, "username is taken");
        }
        String passwordHash = request.password() == null ? null
                : SecretHasher.hash(checkedPassword(request.password()), pepper);
        String pinHash = request.pin() == null ? null : SecretHasher.hash(checkedPin(request.pin()), pepper);
        UserEntity user = new UserEntity(UUID.randomUUID().toString(), request.username(), passwordHash, pinHash,
                Instant.now());
        user.groupId(groupOfNewUser(request.group()));
        em.persist(user);
        return user;
    }

    /** A service provider's back office enrolls into its own group only; an operator into any, default the default. */
    private String groupOfNewUser(String requested) throws ServiceException {
        if (caller.confinedToGroup()) {
            String own = Tenants.groupOfClient(em, caller.clientId());
            if (requested != null && !requested.equals(own)) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "a users token creates accounts in its own group only");
            }
            return own;
        }
        String group = requested == null ? GroupEntity.DEFAULT : requested;
        if (em.find(GroupEntity.class, group) == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "group names no existing group");
        }
        return group;
    }

    @Override
    public void requireManageable(String id) throws ServiceException {
        if (!caller.confinedToGroup()) {
            return;
        }
        UserEntity user = id == null ? null : em.find(UserEntity.class, id);
        if (user == null || !user.groupId().equals(Tenants.groupOfClient(em, caller.clientId()))) {
            // the same answer as for an account that does not exist: another group's accounts are not there (C12)
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such user");
        }
    }

    @Override
    public List<UserView> users(String group, int offset, int limit) throws ServiceException {
        if (offset < 0 || limit < 1 || limit > MAX_LISTED) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "offset must be 0 or more and limit 1 to " + MAX_LISTED);
        }
        String listed = caller.confinedToGroup() ? Tenants.groupOfClient(em, caller.clientId()) : group;
        return (listed == null
                ? em.createQuery("select u from UserEntity u order by u.createdAt, u.id", UserEntity.class)
                : em.createQuery("select u from UserEntity u where u.groupId = :group order by u.createdAt, u.id",
                        UserEntity.class).setParameter("group", listed))
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(AccountServiceBean::view).toList();
    }

    @Override
    public UserView disableUser(String id) throws ServiceException {
        UserEntity user = Users.require(em, id);
        user.disable();
        // its tokens stop working at once: BearerTokensBean refuses a disabled account's tokens when it looks one
        // up, and no node keeps one it looked up before
        tokenCache.forgetEverywhere();
        audit.record(new AuditEvent(Events.USER_DISABLED, AuditEvent.Outcome.SUCCESS, caller.actor(), id, null,
                Map.of("username", user.username())));
        return view(user);
    }

    @Override
    public UserView user(String id) throws ServiceException {
        return view(Users.require(em, id));
    }

    @Override
    public void deleteUser(String id) throws ServiceException {
        UserEntity user = Users.require(em, id);
        for (var credential : keyStore.credentialsOf(id)) {
            keyStore.deleteCredential(id, credential.credentialId());
        }
        em.createQuery("delete from BearerTokenEntity t where t.userId = :user").setParameter("user", id).executeUpdate();
        // nodes that looked the user's tokens up keep them no longer than this transaction
        tokenCache.forgetEverywhere();
        em.remove(user);
        audit.record(new AuditEvent(Events.USER_DELETED, AuditEvent.Outcome.SUCCESS, caller.actor(), id, null,
                Map.of("username", user.username())));
    }

    private static char[] checkedPassword(String password) throws ServiceException {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST,
                    "password must have " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return password.toCharArray();
    }

    private static char[] checkedPin(String pin) throws ServiceException {
        if (!PIN.matcher(pin).matches()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "pin must be 4 to 12 digits");
        }
        return pin.toCharArray();
    }

    private static UserView view(UserEntity user) {
        return new UserView(user.id(), user.username(), user.status(), user.createdAt().toString(), user.groupId());
    }

    @Override
    public TotpEnrollment enrollTotp(String userId) throws ServiceException {
        UserEntity user = userId == null ? null : em.find(UserEntity.class, userId);
        if (user == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such user");
        }
        byte[] seed = null;
        try (HsmConnection connection = hsm.getConnection()) {
            seed = connection.randomBytes(Totp.SEED_BYTES);
            user.totp().enroll(connection.sealSecret(seed, TotpSeed.binding(userId)));
            String secret = Totp.secret(seed);
            audit.record(new AuditEvent(Events.TOTP_ENROLLED, AuditEvent.Outcome.SUCCESS, caller.actor(), userId, null,
                    Map.of()));
            return new TotpEnrollment(secret, Totp.uri(settings.name(), user.username(), secret));
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("TOTP enrollment", e);
        } finally {
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }
}
