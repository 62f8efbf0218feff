package org.sigillum.account;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.sam.auth.HsmPepper;
import org.sigillum.sam.auth.SecretHasher;

/**
 * Checks the factors a user presents to activate a signing key: the signing PIN and, once the user has enrolled
 * an authenticator app, a TOTP code computed by the HSM from the sealed seed. One answer for any wrong or
 * factor and for a locked account; failures are counted in a transaction of their own (checklist C8), and a TOTP
 * code is accepted once.
 */
@Stateless
@LocalBean
public class SigningFactorsBean {

    public static final String PIN = "PIN";
    public static final String OTP = "OTP";
    public static final String WRONG_AUTHENTICATION = "the authentication data is wrong, or signing is locked";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private AuthenticationFailuresBean failures;
    @EJB
    private AuditTrail audit;
    @Inject
    private HsmPepper pepper;
    @Inject
    private VerificationSlots slots;
    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    /** True when the user's signing needs a one-time code as well as the PIN. */
    public boolean otpRequired(String userId) {
        UserEntity user = em.find(UserEntity.class, userId);
        return user != null && user.hasTotp();
    }

    /**
     * Verifies PIN and, where enrolled, OTP; returns the factors proven, for the SAD's evidence. Runs outside any
     * transaction, so that no database connection is held while the PIN is hashed: the caller must not have used
     * the database in a transaction of its own before (checklist G2). An attempt is reserved before the factors
     * are checked (C8). A request that presents no PIN, or no OTP where one is needed, is malformed and costs no
     * attempt (G5).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> verify(String userId, String pin, String otp) throws ServiceException {
        return verify(userId, pin, otp, null);
    }

    /**
     * The same, and a wrong or locked factor is audited as {@code refusal}, in the transaction that counts the failure;
     * the exception is then an {@link AuditedRefusal}.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> verify(String userId, String pin, String otp, AuditEvent refusal) throws ServiceException {
        UserEntity user = userId == null ? null : em.find(UserEntity.class, userId);
        if (user == null) {
            throw new ServiceException(ErrorCode.INVALID_AUTHENTICATION_DATA, WRONG_AUTHENTICATION);
        }
        if (pin == null || pin.isEmpty()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "authData must carry the PIN");
        }
        if (user.hasTotp() && (otp == null || otp.isEmpty())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "authData must carry the OTP");
        }
        boolean reserved = failures.reserve(userId, AuthenticationFailuresBean.Factor.SIGNING);
        boolean proven;
        try {
            // checked even when no attempt could be reserved: a locked PIN takes as long as a wrong one
            boolean pinMatches = slots.verify(() -> user.pinHash() != null
                    && SecretHasher.matches(pin.toCharArray(), user.pinHash(), pepper));
            long otpStep = user.hasTotp() ? acceptedStep(user, otp, Instant.now()) : 0;
            proven = reserved && pinMatches && (!user.hasTotp() || (otpStep > 0 && failures.claimTotpStep(userId, otpStep)));
        } catch (ServiceException | RuntimeException e) {
            if (reserved) {
                failures.cancelled(userId, AuthenticationFailuresBean.Factor.SIGNING);
            }
            throw e;
        }
        if (!proven) {
            if (reserved) {
                failures.failed(userId, AuthenticationFailuresBean.Factor.SIGNING, refusal);
            } else if (refusal != null) {
                audit.recordRefusal(refusal);
            }
            throw refusal == null ? new ServiceException(ErrorCode.INVALID_AUTHENTICATION_DATA, WRONG_AUTHENTICATION)
                    : new AuditedRefusal(ErrorCode.INVALID_AUTHENTICATION_DATA, WRONG_AUTHENTICATION);
        }
        // a hash from before the HSM pepper set the cost is replaced now that the PIN is known to be right
        failures.succeeded(userId, AuthenticationFailuresBean.Factor.SIGNING, SecretHasher.outdated(user.pinHash())
                ? SecretHasher.hash(pin.toCharArray(), pepper) : null);
        return user.hasTotp() ? List.of(PIN, OTP) : List.of(PIN);
    }

    /** The time step whose code {@code otp} is, if it is one not used before within the window; else 0. */
    private long acceptedStep(UserEntity user, String otp, Instant now) throws ServiceException {
        if (otp == null || otp.length() != Totp.DIGITS || !otp.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        List<Long> steps = Totp.candidateSteps(now, user.totp().lastStep());
        if (steps.isEmpty()) {
            return 0;
        }
        List<byte[]> macs;
        try (HsmConnection connection = hsm.getConnection()) {
            macs = connection.hmacSha1(user.totp().sealed(user.id()), steps.stream().map(Totp::counter).toList());
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("one-time code check", e);
        }
        long accepted = 0;
        for (int i = 0; i < steps.size(); i++) {
            // every candidate is compared, so the time taken does not tell which step matched
            if (MessageDigest.isEqual(Totp.truncate(macs.get(i), Totp.DIGITS).getBytes(StandardCharsets.US_ASCII),
                    otp.getBytes(StandardCharsets.US_ASCII))) {
                accepted = steps.get(i);
            }
        }
        return accepted;
    }
}
