package org.sigillum.hsm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a wrapped private key or a sealed secret belongs to. The HSM MACs this together with the blob, so a blob
 * copied into another credential's or another owner's record is refused before it is ever unwrapped.
 */
public record KeyBinding(String credentialId, String ownerId) {

    /**
     * Owners that are the service itself (the CA, the TSA and OCSP signers, diagnostics), never a user. Their keys
     * sign through {@link HsmConnection#signWithServiceKey}; every other key is a user's and signs only through
     * {@link HsmConnection#unwrapAndSign}, which the SAM alone calls. The owner is covered by the binding MAC, so
     * a user's key cannot be relabelled as the service's.
     */
    public static final String SERVICE_OWNER_PREFIX = "sigillum:";

    public KeyBinding {
        requireText(credentialId, "credentialId");
        requireText(ownerId, "ownerId");
    }

    /** True for a key of the service itself rather than of a user; see {@link #SERVICE_OWNER_PREFIX}. */
    public boolean isServiceKey() {
        return ownerId.startsWith(SERVICE_OWNER_PREFIX);
    }

    /** Length-prefixed encoding, so that ("ab","c") and ("a","bc") never collide. */
    public byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeField(out, credentialId);
        writeField(out, ownerId);
        return out.toByteArray();
    }

    private static void writeField(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
