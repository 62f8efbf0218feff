package org.sigillum.activation.otp;

import java.time.Duration;
import org.sigillum.api.error.ServiceException;

/**
 * A way to deliver a one-time code to a person (e-mail, SMS): a provider behind a small SPI, found by CDI and chosen
 * by its stable ID, which is also the CSC auth object ID of the codes it delivers.
 */
public interface OtpChannel {

    /** The stable ID: {@code EMAIL_OTP} or {@code SMS_OTP}. */
    String id();

    /** Whether {@code recipient} is an address this channel can deliver to. */
    boolean accepts(String recipient);

    /** The recipient as stored and compared (an e-mail address's domain in lower case, say). */
    String normalized(String recipient);

    /**
     * Delivers the code. The code appears in the message and nowhere else: not in an exception's message, not in
     * a log.
     */
    void deliver(String recipient, String code, Duration validity) throws ServiceException;
}
