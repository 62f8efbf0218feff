package org.sigillum.api.csc;

import java.util.List;

/**
 * credentials/getChallenge (v2) and credentials/sendOTP (v1): the credential, and optionally the SAD request the code is for (numSignatures, hashes,
 * hashAlgorithmOID), to which the code is then bound; {@code authObjectID} EMAIL_OTP or SMS_OTP chooses where it goes
 * when the user has both. CSC v1 sends only credentialID and clientData.
 */
public record SendOtpRequest(String credentialID, Integer numSignatures, List<String> hashes, String hashAlgorithmOID,
                             String authObjectID, String clientData) {
}
