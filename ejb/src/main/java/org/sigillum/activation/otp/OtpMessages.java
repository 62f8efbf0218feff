package org.sigillum.activation.otp;

import java.time.Duration;

/** The text that carries a code, the same on every channel and short enough for one SMS. */
final class OtpMessages {

    private OtpMessages() {
    }

    static String text(String code, Duration validity) {
        return "Your signing code is " + code + ". It is valid for " + Math.max(1, validity.toMinutes())
                + " minutes and only for the signature you asked for. Never share it.";
    }
}
