package org.sigillum.activation.otp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** The delivery channels deployed, by their IDs. */
@ApplicationScoped
public class OtpChannels {

    public static final String EMAIL = "EMAIL_OTP";
    public static final String SMS = "SMS_OTP";

    @Inject
    @Any
    Instance<OtpChannel> all;

    public Optional<OtpChannel> byId(String id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
