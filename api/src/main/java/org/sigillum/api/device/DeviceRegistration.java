package org.sigillum.api.device;

import java.util.Map;

/** A device registers: the enrolment code, a name for the user's list, and its ES256 public key as a JWK. */
public record DeviceRegistration(String enrolmentCode, String name, Map<String, String> publicKey) {
}
