package org.sigillum.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.sigillum.activation.otp.OtpChallengesBean;
import org.sigillum.activation.otp.OtpChannels;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.OtpRecipients;
import org.sigillum.audit.Events;

/** The operator records where a user receives codes; the audit names the channel, never the address. */
@Stateless
public class OtpRecipientsBean implements OtpRecipients {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private RequestCaller caller;
    @EJB
    private AuditTrail audit;
    @EJB
    private OtpChallengesBean challenges;

    @Override
    public void set(String userId, String channel, String recipient) throws ServiceException {
        UserEntity user = Users.require(em, userId);
        if (!challenges.acceptsRecipient(channel, recipient)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, OtpChannels.EMAIL.equals(channel)
                    ? "address must be an e-mail address" : "number must be an E.164 number such as +4930123456");
        }
        String normalized = challenges.normalizedRecipient(channel, recipient);
        if (OtpChannels.EMAIL.equals(channel)) {
            user.setOtpEmail(normalized);
        } else {
            user.setOtpPhone(normalized);
        }
        audit.record(new AuditEvent(Events.OTP_RECIPIENT_SET, AuditEvent.Outcome.SUCCESS, caller.actor(), userId, null,
                Map.of("channel", channel)));
    }

    @Override
    public void remove(String userId, String channel) throws ServiceException {
        UserEntity user = Users.require(em, userId);
        if (OtpChannels.EMAIL.equals(channel)) {
            user.setOtpEmail(null);
        } else if (OtpChannels.SMS.equals(channel)) {
            user.setOtpPhone(null);
        } else {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "unknown channel");
        }
        audit.record(new AuditEvent(Events.OTP_RECIPIENT_REMOVED, AuditEvent.Outcome.SUCCESS, caller.actor(), userId,
                null, Map.of("channel", channel)));
    }
}
