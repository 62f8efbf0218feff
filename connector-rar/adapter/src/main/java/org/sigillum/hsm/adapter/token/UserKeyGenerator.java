package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_WRAP_PAD;

import java.security.GeneralSecurityException;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.WrappedKey;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * Generates a user's key pair as session objects, wraps the private key under the wrapping key, tags the blob
 * with its binding, and destroys both objects: the token keeps nothing, the database keeps the wrapped key.
 * Runs with the session's call lock held.
 */
final class UserKeyGenerator {

    private final Session session;
    private final long wrappingKey;
    private final String wrappingLabel;
    private final BindingTags tags;

    UserKeyGenerator(Session session, long wrappingKey, String wrappingLabel, BindingTags tags) {
        this.session = session;
        this.wrappingKey = wrappingKey;
        this.wrappingLabel = wrappingLabel;
        this.tags = tags;
    }

    GeneratedKey generate(KeySpec spec, KeyBinding binding) throws HsmException {
        PKCS11KeyPair pair = null;
        try {
            pair = session.generateKeyPair(KeyTemplates.keyGeneration(spec),
                    KeyTemplates.keyPair(spec, KeyTemplates.newObjectId()));
            byte[] spki = subjectPublicKeyInfo(spec, pair.getPublicKey());
            byte[] blob = session.wrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, pair.getPrivateKey());
            byte[] tag = tags.keyTag(binding, spec, wrappingLabel, blob);
            return new GeneratedKey(spki, new WrappedKey(binding, spec, wrappingLabel, blob, tag));
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("key pair generation", e);
        } catch (GeneralSecurityException e) {
            throw new HsmException("the token returned an unusable public key", e);
        } finally {
            if (pair != null) {
                SessionObjects.destroyQuietly(session, pair.getPrivateKey());
                SessionObjects.destroyQuietly(session, pair.getPublicKey());
            }
        }
    }

    private byte[] subjectPublicKeyInfo(KeySpec spec, long publicKey) throws TokenException, GeneralSecurityException {
        if (spec.algorithm() == KeyAlgorithm.RSA) {
            AttributeVector attrs = session.getAttrValues(publicKey, CKA_MODULUS, CKA_PUBLIC_EXPONENT);
            return PublicKeys.rsa(attrs.modulus(), attrs.publicExponent());
        }
        return PublicKeys.ec(spec.curve(), session.getAttrValues(publicKey, CKA_EC_POINT).ecPoint());
    }
}
