package org.sigillum.api.csc;

import java.util.List;

public record CredentialsListResponse(List<String> credentialIDs, List<CredentialInfo> credentialInfos,
                                      Boolean onlyValid) {
}
