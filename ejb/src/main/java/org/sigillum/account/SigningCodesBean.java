package org.sigillum.account;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sigillum.activation.otp.CodeBinding;
import org.sigillum.activation.otp.OtpChallengesBean;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/** Sends a user's signing code by the channel the user receives codes on, for one transaction. */
@Stateless
@LocalBean
public class SigningCodesBean {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private OtpChallengesBean challenges;

    /**
     * Sends a fresh code for {@code transaction}; {@code channel} may name EMAIL_OTP or SMS_OTP, and by default
     * the e-mail address is used where the user has one. Returns the channel used, or null when the user receives
     * no codes by message (a TOTP app computes its own).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String send(String userId, String channel, CodeBinding transaction) throws ServiceException {
        UserEntity user = Users.require(em, userId);
        String email = user.otpEmail();
        String phone = user.otpPhone();
        if (channel != null && !channel.equals(SigningFactorsBean.EMAIL_OTP) && !channel.equals(SigningFactorsBean.SMS_OTP)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "channel must be EMAIL_OTP or SMS_OTP");
        }
        String chosen = channel != null ? channel : email != null ? SigningFactorsBean.EMAIL_OTP
                : phone != null ? SigningFactorsBean.SMS_OTP : null;
        if (chosen == null) {
            return null;
        }
        String recipient = chosen.equals(SigningFactorsBean.EMAIL_OTP) ? email : phone;
        if (recipient == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the user receives no codes by " + chosen);
        }
        challenges.send(userId, chosen, recipient, transaction);
        return chosen;
    }
}
