package org.sigillum.api.csc;

/** CSC {@code credentials/list}. */
public record CredentialsListRequest(String userID, Boolean credentialInfo, String certificates, Boolean certInfo,
                                     Boolean authInfo, Boolean onlyValid, String clientData) {
}
