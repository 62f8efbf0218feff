package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256_HMAC;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeyBindingException;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SealedSecret;
import org.sigillum.hsm.WrappedKey;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * The MACs under the binding key that tie a wrapped key or a sealed secret to its owner and credential, so that
 * a blob copied to another credential's row is refused before it is unwrapped. The MAC inputs are plain
 * functions; the MAC itself is computed on the token, where the binding key never leaves.
 */
final class BindingTags {

    /**
     * Starts every MAC input over a sealed secret. A wrapped key's MAC input starts with the binding's encoding,
     * whose first byte is the top byte of a non-negative int length, so at most 0x7F: no 0xFF-led input is ever
     * a wrapped key's, and a tag issued for one kind of blob is never valid for the other.
     */
    private static final byte[] SEALED_SECRET_DOMAIN = domainPrefix("sigillum/sealed-secret/v1");

    private final Session session;
    private final long bindingKey;

    BindingTags(Session session, long bindingKey) {
        this.session = session;
        this.bindingKey = bindingKey;
    }

    byte[] keyTag(KeyBinding binding, KeySpec spec, String wrappingLabel, byte[] blob) throws HsmException {
        return mac(keyInput(binding, spec, wrappingLabel, blob));
    }

    byte[] secretTag(KeyBinding binding, String wrappingLabel, byte[] blob) throws HsmException {
        return mac(secretInput(binding, wrappingLabel, blob));
    }

    /** Refuses a wrapped key whose tag does not match, or that is wrapped under another key than {@code wrappingLabel}. */
    void verify(WrappedKey key, String wrappingLabel) throws HsmException {
        byte[] expected = keyTag(key.binding(), key.spec(), key.wrappingKeyLabel(), key.blob());
        if (!MessageDigest.isEqual(expected, key.bindingTag())) {
            throw new KeyBindingException("wrapped key is not bound to credential " + key.binding().credentialId());
        }
        if (!key.wrappingKeyLabel().equals(wrappingLabel)) {
            throw new KeyBindingException("wrapped under unknown wrapping key " + key.wrappingKeyLabel());
        }
    }

    void verify(SealedSecret sealed, String wrappingLabel) throws HsmException {
        byte[] expected = secretTag(sealed.binding(), sealed.wrappingKeyLabel(), sealed.blob());
        if (!MessageDigest.isEqual(expected, sealed.bindingTag())) {
            throw new KeyBindingException("sealed secret is not bound to credential " + sealed.binding().credentialId());
        }
        if (!sealed.wrappingKeyLabel().equals(wrappingLabel)) {
            throw new KeyBindingException("sealed under unknown wrapping key " + sealed.wrappingKeyLabel());
        }
    }

    private byte[] mac(byte[] input) throws HsmException {
        try {
            return session.signSingle(new Mechanism(CKM_SHA256_HMAC), bindingKey, input);
        } catch (TokenException e) {
            throw Pkcs11Errors.translateTokenKeyFailure("binding tag", e);
        }
    }

    /** What the binding MAC covers: owner and credential, key type and size, wrapping key, blob. */
    static byte[] keyInput(KeyBinding binding, KeySpec spec, String wrappingLabel, byte[] blob) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(binding.encoded());
        data.writeBytes((spec.algorithm() + ":" + spec.lengthBits() + ":" + wrappingLabel + ":").getBytes(StandardCharsets.UTF_8));
        data.writeBytes(blob);
        return data.toByteArray();
    }

    /** What a sealed secret's binding MAC covers: its domain, owner and credential, wrapping key, blob. */
    static byte[] secretInput(KeyBinding binding, String wrappingLabel, byte[] blob) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(SEALED_SECRET_DOMAIN);
        data.writeBytes(binding.encoded());
        byte[] label = wrappingLabel.getBytes(StandardCharsets.UTF_8);
        data.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(label.length).array());
        data.writeBytes(label);
        data.writeBytes(blob);
        return data.toByteArray();
    }

    /**
     * Where an unwrapped key is cached: under its credential and a digest of everything its tag covers and the
     * tag itself, so a key re-wrapped or re-bound is a different entry and never meets a stale handle.
     */
    static UnwrappedKeyCache.Key cacheKey(WrappedKey key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(keyInput(key.binding(), key.spec(), key.wrappingKeyLabel(), key.blob()));
            digest.update(key.bindingTag());
            return new UnwrappedKeyCache.Key(key.binding().credentialId(), HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] domainPrefix(String name) {
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        prefix.write(0xFF);
        prefix.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        prefix.write(0);
        return prefix.toByteArray();
    }
}
