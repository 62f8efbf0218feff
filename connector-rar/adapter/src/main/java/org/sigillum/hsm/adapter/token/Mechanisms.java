package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import java.util.HexFormat;
import java.util.List;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.EcCurve;

/** Mapping between Sigillum's algorithm names and PKCS#11 mechanism codes and parameters. */
final class Mechanisms {

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    private Mechanisms() {
    }

    static long hashMechanism(DigestAlgorithm digest) {
        return switch (digest) {
            case SHA256 -> CKM_SHA256;
            case SHA384 -> CKM_SHA384;
            case SHA512 -> CKM_SHA512;
        };
    }

    static long mgf(DigestAlgorithm digest) {
        return switch (digest) {
            case SHA256 -> CKG_MGF1_SHA256;
            case SHA384 -> CKG_MGF1_SHA384;
            case SHA512 -> CKG_MGF1_SHA512;
        };
    }

    /** DER-encoded OBJECT IDENTIFIER of the named curve, as CKA_EC_PARAMS wants it. */
    static byte[] curveOid(EcCurve curve) {
        return HexFormat.of().parseHex(switch (curve) {
            case P256 -> "06082a8648ce3d030107";
            case P384 -> "06052b81040022";
            case P521 -> "06052b81040023";
        });
    }

    /** The CSC signAlgo OIDs that a raw-digest signing mechanism makes possible. */
    static List<String> signatureAlgorithmOids(long mechanism) {
        if (mechanism == CKM_RSA_PKCS) {
            return List.of(RSA_ENCRYPTION, "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13");
        }
        if (mechanism == CKM_RSA_PKCS_PSS) {
            return List.of("1.2.840.113549.1.1.10");
        }
        if (mechanism == CKM_ECDSA) {
            return List.of("1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4");
        }
        return List.of();
    }
}
