package org.sigillum.api.device;

/** A single-use code with which one device registers for the user, shown once. */
public record DeviceEnrolment(String enrolmentCode, long expiresIn) {
}
