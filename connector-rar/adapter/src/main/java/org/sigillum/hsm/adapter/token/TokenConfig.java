package org.sigillum.hsm.adapter.token;

import java.util.Objects;

/** Validated settings of one PKCS#11 token, as the resource adapter's config properties give them. */
public record TokenConfig(String libraryPath, String tokenLabel, PinSource pinSource, String wrappingKeyLabel,
                          String bindingKeyLabel, String pepperKeyLabel, int keyCacheCapacity) {

    public TokenConfig {
        requireText(libraryPath, "libraryPath");
        requireText(tokenLabel, "tokenLabel");
        Objects.requireNonNull(pinSource, "pinSource");
        requireText(wrappingKeyLabel, "wrappingKeyLabel");
        requireText(bindingKeyLabel, "bindingKeyLabel");
        requireText(pepperKeyLabel, "pepperKeyLabel");
        if (keyCacheCapacity < 0) {
            throw new IllegalArgumentException("keyCacheCapacity must not be negative");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("resource adapter property " + name + " is not set");
        }
    }
}
