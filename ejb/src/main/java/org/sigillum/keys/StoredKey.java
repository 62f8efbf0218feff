package org.sigillum.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.WrappedKey;

/**
 * A private key as a row stores it: only wrapped and bound by the HSM, with what the HSM needs to unwrap it.
 * Users' credentials and the built-in CA's keys store their keys the same way.
 */
@Embeddable
public class StoredKey {

    @Column(name = "key_algorithm", nullable = false)
    private String keyAlgorithm;
    @Column(name = "key_length", nullable = false)
    private int keyLength;
    private String curve;
    @Column(name = "wrapping_key_label", nullable = false)
    private String wrappingKeyLabel;
    @Column(name = "wrapped_private_key", nullable = false)
    private byte[] wrappedPrivateKey;
    @Column(name = "binding_tag", nullable = false)
    private byte[] bindingTag;

    protected StoredKey() {
    }

    public StoredKey(WrappedKey key) {
        KeySpec spec = key.spec();
        this.keyAlgorithm = spec.algorithm().name();
        this.keyLength = spec.lengthBits();
        this.curve = spec.curve() == null ? null : spec.curve().cscName();
        this.wrappingKeyLabel = key.wrappingKeyLabel();
        this.wrappedPrivateKey = key.blob();
        this.bindingTag = key.bindingTag();
    }

    /** The wrapped key as stored, for the binding the row claims; the HSM checks that claim before unwrapping. */
    public WrappedKey wrappedKey(KeyBinding binding) {
        return new WrappedKey(binding, spec(), wrappingKeyLabel, wrappedPrivateKey, bindingTag);
    }

    public KeySpec spec() {
        return KeyAlgorithm.valueOf(keyAlgorithm) == KeyAlgorithm.RSA
                ? KeySpec.rsa(keyLength) : KeySpec.ec(EcCurve.byName(curve).orElseThrow());
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int keyLength() {
        return keyLength;
    }

    public String curve() {
        return curve;
    }
}
