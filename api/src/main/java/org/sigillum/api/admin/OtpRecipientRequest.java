package org.sigillum.api.admin;

/** The admin API's body for a code channel: {@code address} for e-mail, {@code number} (E.164) for SMS. */
public record OtpRecipientRequest(String address, String number) {
}
