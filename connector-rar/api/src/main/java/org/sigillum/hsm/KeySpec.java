package org.sigillum.hsm;

import java.util.Set;

/** A key pair to generate: RSA 2048/3072/4096 or EC P-256/P-384/P-521. Anything weaker is refused here. */
public record KeySpec(KeyAlgorithm algorithm, int rsaBits, EcCurve curve) {

    private static final Set<Integer> RSA_SIZES = Set.of(2048, 3072, 4096);

    public KeySpec {
        if (algorithm == KeyAlgorithm.RSA && (!RSA_SIZES.contains(rsaBits) || curve != null)) {
            throw new IllegalArgumentException("RSA keys must be 2048, 3072 or 4096 bits, not " + rsaBits);
        }
        if (algorithm == KeyAlgorithm.EC && (curve == null || rsaBits != 0)) {
            throw new IllegalArgumentException("EC keys need one of the curves " + Set.of(EcCurve.values()));
        }
    }

    public static KeySpec rsa(int bits) {
        return new KeySpec(KeyAlgorithm.RSA, bits, null);
    }

    public static KeySpec ec(EcCurve curve) {
        return new KeySpec(KeyAlgorithm.EC, 0, curve);
    }

    /** Key length in bits as the CSC API reports it. */
    public int lengthBits() {
        return algorithm == KeyAlgorithm.RSA ? rsaBits : curve.fieldBytes() == 66 ? 521 : curve.fieldBytes() * 8;
    }
}
