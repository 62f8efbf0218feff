package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;

/** Where a user receives one-time codes by e-mail ({@code EMAIL_OTP}) and by SMS ({@code SMS_OTP}). */
@Local
public interface OtpRecipients {

    /**
     * Records the address (e-mail) or E.164 number (SMS); from then on signing needs the PIN and a code, which the
     * client asks to be sent with credentials/sendOTP.
     */
    void set(String userId, String channel, String recipient) throws ServiceException;

    void remove(String userId, String channel) throws ServiceException;
}
