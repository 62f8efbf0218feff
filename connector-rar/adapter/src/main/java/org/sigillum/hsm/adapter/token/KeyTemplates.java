package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_GENERIC_SECRET;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EC_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.hsm.KeySpec;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;

/**
 * The attributes of every object Sigillum creates on the token: all session objects, private keys sensitive,
 * extractable only where they are to be wrapped right away, unwrapped keys never extractable and good for one
 * purpose. Each key object gets a random CKA_ID, by which a cached handle is recognised as still naming it.
 */
final class KeyTemplates {

    private static final int OBJECT_ID_BYTES = 16;
    /**
     * One generator per thread: the default NativePRNG serialises every caller on one lock, and each unwrap draws
     * an object ID, so two signing threads used to queue there (issue 12). DRBG instances are independent.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(KeyTemplates::newRandom);

    private KeyTemplates() {
    }

    static Mechanism keyGeneration(KeySpec spec) {
        return new Mechanism(spec.algorithm() == KeyAlgorithm.RSA ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN);
    }

    static KeyPairTemplate keyPair(KeySpec spec, byte[] id) {
        AttributeVector publicKey;
        AttributeVector privateKey;
        if (spec.algorithm() == KeyAlgorithm.RSA) {
            publicKey = AttributeVector.newRSAPublicKey().modulusBits(spec.rsaBits())
                    .publicExponent(BigInteger.valueOf(65537));
            privateKey = AttributeVector.newRSAPrivateKey();
        } else {
            publicKey = AttributeVector.newECPublicKey().ecParams(Mechanisms.curveOid(spec.curve()));
            privateKey = AttributeVector.newECPrivateKey();
        }
        publicKey.token(false).verify(true).id(id);
        // extractable only so that it can be wrapped; it is destroyed right after
        privateKey.token(false).private_(true).sensitive(true).extractable(true).sign(true).id(id);
        return new KeyPairTemplate(privateKey, publicKey);
    }

    /** A secret to be sealed; extractable only so that it can be wrapped, and destroyed right after. */
    static AttributeVector secretToSeal(byte[] secret) {
        return AttributeVector.newSecretKey(CKK_GENERIC_SECRET).token(false).private_(true).sensitive(true)
                .extractable(true).value(secret);
    }

    /** Within the wrapping key's unwrap template (session object, sensitive, not extractable); HMAC only. */
    static AttributeVector unwrappedSecret() {
        return AttributeVector.newSecretKey(CKK_GENERIC_SECRET).token(false).private_(true).sensitive(true)
                .extractable(false).sign(true).verify(false).encrypt(false).decrypt(false).wrap(false).unwrap(false)
                .derive(false);
    }

    static AttributeVector unwrappedPrivateKey(KeySpec spec, byte[] id) {
        AttributeVector template = spec.algorithm() == KeyAlgorithm.RSA
                ? AttributeVector.newRSAPrivateKey() : AttributeVector.newECPrivateKey();
        return template.token(false).private_(true).sensitive(true).extractable(false).sign(true).id(id);
    }

    static byte[] newObjectId() {
        byte[] id = new byte[OBJECT_ID_BYTES];
        RANDOM.get().nextBytes(id);
        return id;
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
