package org.sigillum.it;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Independent verification with the JDK's own providers: the server's word is not taken for it. */
final class Signatures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    static byte[] randomData() {
        byte[] data = new byte[64 + RANDOM.nextInt(512)];
        RANDOM.nextBytes(data);
        return data;
    }

    static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    static PublicKey publicKey(String base64Spki) throws GeneralSecurityException {
        byte[] spki = Base64.getDecoder().decode(base64Spki);
        String algorithm = isEc(spki) ? "EC" : "RSA";
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
    }

    /** Verifies a signature over {@code data} with the JCA algorithm that matches the CSC signAlgo OID. */
    static boolean verify(PublicKey key, String signAlgo, byte[] data, String base64Signature) throws GeneralSecurityException {
        Signature verifier = switch (signAlgo) {
            case "1.2.840.113549.1.1.11" -> Signature.getInstance("SHA256withRSA");
            case "1.2.840.113549.1.1.10" -> {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield pss;
            }
            case "1.2.840.10045.4.3.2" -> Signature.getInstance("SHA256withECDSA");
            default -> throw new IllegalArgumentException(signAlgo);
        };
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(Base64.getDecoder().decode(base64Signature));
    }

    /** id-ecPublicKey 1.2.840.10045.2.1 appears in an EC SubjectPublicKeyInfo. */
    private static boolean isEc(byte[] spki) {
        byte[] oid = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
        outer:
        for (int i = 0; i + oid.length <= Math.min(spki.length, 32); i++) {
            for (int j = 0; j < oid.length; j++) {
                if (spki[i + j] != oid[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
