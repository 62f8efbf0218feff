package org.sigillum.api.device;

import java.util.List;

/**
 * A signing request waiting for the device's decision: what is to be signed, and {@code content}, the exact bytes
 * (base64url) the device signs to approve or decline.
 */
public record PendingApproval(String approvalID, String credentialID, String client, int numSignatures,
                              String hashAlgorithmOID, List<String> hashes, String expiresAt, String content) {
}
