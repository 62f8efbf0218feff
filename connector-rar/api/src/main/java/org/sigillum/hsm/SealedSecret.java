package org.sigillum.hsm;

import java.util.Objects;

/**
 * A shared secret (a TOTP seed, say) as it may be stored: ciphertext under the wrapping key named by
 * {@code wrappingKeyLabel}, and the HSM's MAC over binding and blob. Only the HSM can use it, and only for the
 * binding it was sealed for.
 */
public record SealedSecret(KeyBinding binding, String wrappingKeyLabel, byte[] blob, byte[] bindingTag) {

    public SealedSecret {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(wrappingKeyLabel, "wrappingKeyLabel");
        blob = Objects.requireNonNull(blob, "blob").clone();
        bindingTag = Objects.requireNonNull(bindingTag, "bindingTag").clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    @Override
    public byte[] bindingTag() {
        return bindingTag.clone();
    }
}
