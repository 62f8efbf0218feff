package org.sigillum.hsm;

import java.util.Objects;

/** The outcome of key generation: the public key (X.509 SubjectPublicKeyInfo, DER) and the wrapped private key. */
public record GeneratedKey(byte[] subjectPublicKeyInfo, WrappedKey wrappedKey) {

    public GeneratedKey {
        subjectPublicKeyInfo = Objects.requireNonNull(subjectPublicKeyInfo, "subjectPublicKeyInfo").clone();
        Objects.requireNonNull(wrappedKey, "wrappedKey");
    }

    @Override
    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }
}
