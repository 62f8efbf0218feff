package org.sigillum.api.device;

/**
 * The device's answer: {@code approve} or {@code decline}, and its ES256 signature (base64url, JOSE R||S form) over
 * the approval's content bytes followed by a full stop and the decision.
 */
public record ApprovalDecision(String decision, String signature) {
}
