package org.sigillum.api.csc;

import java.util.List;

/** CSC {@code credentials/authorize}: explicit authorization with PIN (and later OTP). */
public record AuthorizeRequest(String credentialID, Integer numSignatures, List<String> hashes, String hashAlgorithmOID,
                               List<AuthData> authData, String description, String clientData) {

    /** One authentication factor; its value never appears in logs through this record's text form. */
    public record AuthData(String id, String value) {
        @Override
        public String toString() {
            return "AuthData[id=" + id + "]";
        }
    }
}
