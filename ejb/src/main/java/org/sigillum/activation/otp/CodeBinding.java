package org.sigillum.activation.otp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The transaction a sent code belongs to: the user's credential, the client application that asked, and, when the
 * request named them, the exact SAD request (number of signatures, hash algorithm, hashes) as a digest. A code works
 * only for an authorization of the same transaction.
 */
public record CodeBinding(String credentialId, String clientId, String requestDigest) {

    /**
     * Who asks, for the binding and the per-caller limit: the client application, or for a token from auth/login
     * (which has none) the user's own login.
     */
    public static String caller(String clientId, String userId) {
        return clientId != null ? clientId : "login:" + userId;
    }

    /** A binding without hashes (CSC v1 sendOTP names only the credential): any SAD request for it. */
    public static CodeBinding credential(String credentialId, String clientId) {
        return new CodeBinding(credentialId, clientId, null);
    }

    /** @param canonicalHashes the hashes in the canonical form the SAD stores them, so that order and encoding do not matter */
    public static CodeBinding request(String credentialId, String clientId, int numSignatures, String hashAlgorithmOid,
                                      List<String> canonicalHashes) {
        StringBuilder text = new StringBuilder().append(numSignatures).append('\n').append(hashAlgorithmOid).append('\n');
        canonicalHashes.stream().sorted().forEach(h -> text.append(h).append('\n'));
        return new CodeBinding(credentialId, clientId, sha256Hex(text.toString()));
    }

    /** Whether a code sent for this transaction may authorize {@code presented}. */
    public boolean admits(CodeBinding presented) {
        return credentialId.equals(presented.credentialId) && clientId.equals(presented.clientId)
                && (requestDigest == null || requestDigest.equals(presented.requestDigest));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
