package org.sigillum.hsm;

import java.util.Objects;

/**
 * A private key as it may leave the HSM: ciphertext under the wrapping key named by {@code wrappingKeyLabel},
 * and the HSM's MAC over binding and blob.
 */
public record WrappedKey(KeyBinding binding, KeySpec spec, String wrappingKeyLabel, byte[] blob, byte[] bindingTag) {

    public WrappedKey {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(spec, "spec");
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
