package org.sigillum.hsm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a wrapped private key or a sealed secret belongs to. The HSM MACs this together with the blob, so a blob
 * copied into another credential's or another owner's record is refused before it is ever unwrapped.
 */
public record KeyBinding(String credentialId, String ownerId) {

    public KeyBinding {
        requireText(credentialId, "credentialId");
        requireText(ownerId, "ownerId");
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
