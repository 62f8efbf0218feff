package org.sigillum.hsm;

import java.util.Objects;

/** How to turn a digest into a signature. ECDSA signatures come back DER-encoded (SEQUENCE of r, s). */
public sealed interface SignatureScheme {

    DigestAlgorithm digest();

    KeyAlgorithm keyAlgorithm();

    /** RSASSA-PKCS1-v1_5 over a DigestInfo. */
    record RsaPkcs1(DigestAlgorithm digest) implements SignatureScheme {
        public RsaPkcs1 {
            Objects.requireNonNull(digest, "digest");
        }

        @Override
        public KeyAlgorithm keyAlgorithm() {
            return KeyAlgorithm.RSA;
        }
    }

    /** RSASSA-PSS with MGF1; the salt length is in bytes. */
    record RsaPss(DigestAlgorithm digest, DigestAlgorithm mgfDigest, int saltLength) implements SignatureScheme {
        public RsaPss {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(mgfDigest, "mgfDigest");
            if (saltLength < 0 || saltLength > 512) {
                throw new IllegalArgumentException("PSS salt length out of range: " + saltLength);
            }
        }

        @Override
        public KeyAlgorithm keyAlgorithm() {
            return KeyAlgorithm.RSA;
        }
    }

    record Ecdsa(DigestAlgorithm digest) implements SignatureScheme {
        public Ecdsa {
            Objects.requireNonNull(digest, "digest");
        }

        @Override
        public KeyAlgorithm keyAlgorithm() {
            return KeyAlgorithm.EC;
        }
    }
}
