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
import java.util.ArrayList;
import java.util.List;
import org.sigillum.activation.device.DeviceApprovalsBean;
import org.sigillum.activation.otp.CodeBinding;
import org.sigillum.activation.otp.OtpChallengesBean;
import org.sigillum.activation.otp.OtpChannels;
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
 * one, a one-time code: from an authenticator app (TOTP, computed by the HSM from the sealed seed) or sent by
 * e-mail or SMS for this transaction. One answer for any wrong factor and for a locked account; failures are
 * counted in a transaction of their own (checklist C8), and every code is accepted once.
 */
@Stateless
@LocalBean
public class SigningFactorsBean {

    public static final String PIN = "PIN";
    public static final String OTP = "OTP";
    public static final String EMAIL_OTP = OtpChannels.EMAIL;
    public static final String SMS_OTP = OtpChannels.SMS;
    /** Approval on a registered device: the value is the approval's ID, from credentials/getChallenge. */
    public static final String DEVICE = "DEVICE";
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
    @EJB
    private OtpChallengesBean challenges;
    @EJB
    private DeviceApprovalsBean approvals;

    /** True when the user's signing needs a one-time code as well as the PIN. */
    public boolean otpRequired(String userId) {
        return !secondFactors(userId).isEmpty();
    }

    /**
     * The second factors the user has enrolled, any one of which completes the PIN: OTP (TOTP), EMAIL_OTP, SMS_OTP,
     * DEVICE. Which ones a group requires is the tenancy policy's to say; until it exists, any one enrolled will do.
     */
    public List<String> secondFactors(String userId) {
        UserEntity user = userId == null ? null : em.find(UserEntity.class, userId);
        return user == null ? List.of() : secondFactors(user);
    }

    private List<String> secondFactors(UserEntity user) {
        List<String> factors = new ArrayList<>();
        if (user.hasTotp()) {
            factors.add(OTP);
        }
        if (user.otpEmail() != null) {
            factors.add(EMAIL_OTP);
        }
        if (user.otpPhone() != null) {
            factors.add(SMS_OTP);
        }
        if (approvals.hasDevice(user.id())) {
            factors.add(DEVICE);
        }
        return factors;
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
        return verify(userId, pin, otp, null, refusal);
    }

    /**
     * The same, where a code sent by e-mail or SMS counts only if it was sent for {@code transaction} (null: none
     * does). The code is consumed only when the PIN was right as well, within the attempt reserved for both.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> verify(String userId, String pin, String otp, CodeBinding transaction, AuditEvent refusal)
            throws ServiceException {
        UserEntity user = userId == null ? null : em.find(UserEntity.class, userId);
        if (user == null) {
            throw new ServiceException(ErrorCode.INVALID_AUTHENTICATION_DATA, WRONG_AUTHENTICATION);
        }
        if (pin == null || pin.isEmpty()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "authData must carry the PIN");
        }
        List<String> secondFactors = secondFactors(user);
        if (!secondFactors.isEmpty() && (otp == null || otp.isEmpty())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "authData must carry the OTP");
        }
        boolean reserved = failures.reserve(userId, AuthenticationFailuresBean.Factor.SIGNING);
        boolean proven;
        String secondFactor = null;
        try {
            // checked even when no attempt could be reserved: a locked PIN takes as long as a wrong one
            boolean pinMatches = slots.verify(() -> user.pinHash() != null
                    && SecretHasher.matches(pin.toCharArray(), user.pinHash(), pepper));
            long otpStep = user.hasTotp() ? acceptedStep(user, otp, Instant.now()) : 0;
            if (reserved && pinMatches) {
                if (transaction != null && secondFactors.contains(DEVICE) && approvals.claim(userId, transaction, otp)) {
                    secondFactor = DEVICE;
                }
                if (secondFactor == null && transaction != null && (user.otpEmail() != null || user.otpPhone() != null)) {
                    secondFactor = challenges.claim(userId, transaction, otp);
                }
                if (secondFactor == null && otpStep > 0 && failures.claimTotpStep(userId, otpStep)) {
                    secondFactor = OTP;
                }
            }
            proven = reserved && pinMatches && (secondFactors.isEmpty() || secondFactor != null);
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
        return secondFactor == null ? List.of(PIN) : List.of(PIN, secondFactor);
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
