package org.sigillum.hsm.adapter.token;

import java.util.List;
import org.sigillum.hsm.InvalidKeyRequestException;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/**
 * What one call may ask of a session, checked before the session's lock is taken, so that a malformed or
 * oversized request never holds a session (nor reaches the token, which answers some of them badly).
 */
public final class CallLimits {

    /** Upper bound of digests in one call, so one request cannot hold a session for long. */
    public static final int MAX_DIGESTS_PER_CALL = 1024;
    /**
     * Secrets sealed for HMAC-SHA1: at least the 160 bits RFC 4226 recommends, the HMAC output length below
     * which SoftHSM2 refuses an HMAC key (CKR_KEY_SIZE_RANGE, as RFC 2104 discourages shorter keys); at most
     * one SHA-1 block.
     */
    public static final int MIN_SECRET_BYTES = 20;
    public static final int MAX_SECRET_BYTES = 64;
    /**
     * Messages per HMAC call and their length: a TOTP check needs a few 8-byte counters. An empty message is
     * refused here because SoftHSM2 answers it with CKR_ARGUMENTS_BAD and leaves the sign operation active.
     */
    public static final int MAX_MESSAGES_PER_CALL = 8;
    public static final int MAX_MESSAGE_BYTES = 64;
    static final int MAX_RANDOM_BYTES = 4096;
    static final int MAX_PEPPERED_BYTES = 1024;
    static final int MAX_AUDIT_MESSAGE_BYTES = 4096;

    private CallLimits() {
    }

    static void checkSignature(WrappedKey key, SignatureScheme scheme, List<byte[]> digests)
            throws InvalidKeyRequestException {
        if (scheme.keyAlgorithm() != key.spec().algorithm()) {
            throw new InvalidKeyRequestException(scheme.getClass().getSimpleName() + " does not fit a "
                    + key.spec().algorithm() + " key");
        }
        if (digests.isEmpty() || digests.size() > MAX_DIGESTS_PER_CALL) {
            throw new InvalidKeyRequestException("between 1 and " + MAX_DIGESTS_PER_CALL + " digests per call");
        }
        for (byte[] digest : digests) {
            if (digest == null || digest.length != scheme.digest().length()) {
                throw new InvalidKeyRequestException("a " + scheme.digest().jcaName() + " digest has "
                        + scheme.digest().length() + " bytes");
            }
        }
    }

    static void checkSecret(byte[] secret) throws InvalidKeyRequestException {
        if (secret == null || secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
            throw new InvalidKeyRequestException("a secret of " + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES
                    + " bytes is required");
        }
    }

    static void checkMessages(List<byte[]> messages) throws InvalidKeyRequestException {
        if (messages == null || messages.isEmpty() || messages.size() > MAX_MESSAGES_PER_CALL) {
            throw new InvalidKeyRequestException("between 1 and " + MAX_MESSAGES_PER_CALL + " messages per call");
        }
        for (byte[] message : messages) {
            if (message == null || message.length == 0 || message.length > MAX_MESSAGE_BYTES) {
                throw new InvalidKeyRequestException("a message has 1 to " + MAX_MESSAGE_BYTES + " bytes");
            }
        }
    }

    static void checkRandomLength(int length) throws InvalidKeyRequestException {
        if (length < 1 || length > MAX_RANDOM_BYTES) {
            throw new InvalidKeyRequestException("random length must be 1.." + MAX_RANDOM_BYTES + " bytes");
        }
    }

    static void checkPeppered(byte[] secret) throws InvalidKeyRequestException {
        if (secret == null || secret.length == 0 || secret.length > MAX_PEPPERED_BYTES) {
            throw new InvalidKeyRequestException("a secret of 1 to " + MAX_PEPPERED_BYTES + " bytes is required");
        }
    }

    static void checkAuditMessage(byte[] message) throws InvalidKeyRequestException {
        if (message == null || message.length == 0 || message.length > MAX_AUDIT_MESSAGE_BYTES) {
            throw new InvalidKeyRequestException("a message of 1 to " + MAX_AUDIT_MESSAGE_BYTES + " bytes is required");
        }
    }
}
