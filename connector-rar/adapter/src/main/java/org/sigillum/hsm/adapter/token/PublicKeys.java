package org.sigillum.hsm.adapter.token;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import org.sigillum.hsm.EcCurve;

/** Builds X.509 SubjectPublicKeyInfo encodings from the attributes a PKCS#11 public key object exposes. */
final class PublicKeys {

    private PublicKeys() {
    }

    static byte[] rsa(BigInteger modulus, BigInteger publicExponent) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, publicExponent)).getEncoded();
    }

    /** {@code ecPointAttribute} is CKA_EC_POINT: a DER OCTET STRING around the uncompressed point 04||X||Y. */
    static byte[] ec(EcCurve curve, byte[] ecPointAttribute) throws GeneralSecurityException {
        byte[] point = unwrapOctetString(ecPointAttribute, curve);
        int n = curve.fieldBytes();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + n));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + n, 1 + 2 * n));
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(jcaCurveName(curve)));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec)).getEncoded();
    }

    static String jcaCurveName(EcCurve curve) {
        return switch (curve) {
            case P256 -> "secp256r1";
            case P384 -> "secp384r1";
            case P521 -> "secp521r1";
        };
    }

    private static byte[] unwrapOctetString(byte[] attribute, EcCurve curve) throws GeneralSecurityException {
        int expected = 1 + 2 * curve.fieldBytes();
        if (attribute.length == expected && attribute[0] == 0x04) {
            return attribute; // some tokens return the bare point
        }
        int offset;
        if (attribute[0] != 0x04) {
            throw new GeneralSecurityException("CKA_EC_POINT is not an OCTET STRING");
        }
        if ((attribute[1] & 0x80) == 0) {
            offset = 2;
        } else {
            offset = 2 + (attribute[1] & 0x7f);
        }
        byte[] point = Arrays.copyOfRange(attribute, offset, attribute.length);
        if (point.length != expected || point[0] != 0x04) {
            throw new GeneralSecurityException("CKA_EC_POINT is not an uncompressed point on " + curve.cscName());
        }
        return point;
    }
}
