package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_WRAP_PAD;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA_1_HMAC;

import java.util.ArrayList;
import java.util.List;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.SealedSecret;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * Secrets that must stay secret but be used (TOTP seeds): sealed under the wrapping key with a binding tag, and
 * used only for HMAC-SHA1 inside the token, unwrapped for the call and destroyed after it. Runs with the
 * session's call lock held.
 */
final class SecretSealer {

    private final Session session;
    private final long wrappingKey;
    private final String wrappingLabel;
    private final BindingTags tags;

    SecretSealer(Session session, long wrappingKey, String wrappingLabel, BindingTags tags) {
        this.session = session;
        this.wrappingKey = wrappingKey;
        this.wrappingLabel = wrappingLabel;
        this.tags = tags;
    }

    SealedSecret seal(byte[] secret, KeyBinding binding) throws HsmException {
        long handle = -1;
        try {
            handle = session.createObject(KeyTemplates.secretToSeal(secret));
            byte[] blob = session.wrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, handle);
            return new SealedSecret(binding, wrappingLabel, blob, tags.secretTag(binding, wrappingLabel, blob));
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("secret sealing", e);
        } finally {
            if (handle != -1) {
                SessionObjects.destroyQuietly(session, handle);
            }
        }
    }

    List<byte[]> hmacSha1(SealedSecret sealed, List<byte[]> messages) throws HsmException {
        tags.verify(sealed, wrappingLabel);
        long handle = -1;
        try {
            handle = session.unwrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, sealed.blob(),
                    KeyTemplates.unwrappedSecret());
            List<byte[]> macs = new ArrayList<>(messages.size());
            for (byte[] message : messages) {
                macs.add(session.signSingle(new Mechanism(CKM_SHA_1_HMAC), handle, message));
            }
            return macs;
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("HMAC under a sealed secret", e);
        } finally {
            if (handle != -1) {
                SessionObjects.destroyQuietly(session, handle);
            }
        }
    }
}
