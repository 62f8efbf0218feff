package org.sigillum.api.csc;

/** CSC {@code credentials/info}. */
public record CredentialInfoRequest(String credentialID, String certificates, Boolean certInfo, Boolean authInfo,
                                    String lang, String clientData) {
}
