package org.sigillum.activation.otp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Codes by e-mail, through the mail session that wildfly-config/cli/65-configure-mail.cli binds (its SMTP server and
 * sender address are the site's). The session is looked up when a code is sent, so that a server without it still
 * deploys and only this channel fails.
 */
@ApplicationScoped
public class MailOtpChannel implements OtpChannel {

    static final String SESSION = "java:jboss/mail/Sigillum";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    @Override
    public String id() {
        return OtpChannels.EMAIL;
    }

    @Override
    public boolean accepts(String recipient) {
        return recipient != null && recipient.length() <= 320 && ADDRESS.matcher(recipient).matches();
    }

    @Override
    public String normalized(String recipient) {
        int at = recipient.lastIndexOf('@');
        return recipient.substring(0, at) + recipient.substring(at).toLowerCase(Locale.ROOT);
    }

    @Override
    public void deliver(String recipient, String code, Duration validity) throws ServiceException {
        try {
            Session session = InitialContext.doLookup(SESSION);
            MimeMessage message = new MimeMessage(session);
            message.setFrom();
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject("Your signing code", StandardCharsets.UTF_8.name());
            message.setText(OtpMessages.text(code, validity), StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (NamingException | MessagingException e) {
            // the exception's text is not passed on: it may quote the message
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the code could not be sent by e-mail; retry later");
        }
    }
}
