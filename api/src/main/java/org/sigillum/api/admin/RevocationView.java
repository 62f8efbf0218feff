package org.sigillum.api.admin;

/** A revoked credential: its certificate's serial number (hex, or null without a certificate), when and why. */
public record RevocationView(String credentialID, String status, String serialNumber, String revocationTime,
                             String reason) {
}
