package org.sigillum.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.WrappedKey;

/** A key of the built-in CA: wrapped and bound in the HSM like a user's, with its certificate. */
@Entity
@Table(name = "ca_key")
public class CaKeyEntity {

    static final String OWNER = "sigillum:ca";

    @Id
    private String name;
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
    @Column(nullable = false)
    private byte[] certificate;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaKeyEntity() {
    }

    CaKeyEntity(String name, WrappedKey key, byte[] certificate, Instant createdAt) {
        this.name = name;
        this.keyAlgorithm = key.spec().algorithm().name();
        this.keyLength = key.spec().lengthBits();
        this.curve = key.spec().curve().cscName();
        this.wrappingKeyLabel = key.wrappingKeyLabel();
        this.wrappedPrivateKey = key.blob();
        this.bindingTag = key.bindingTag();
        this.certificate = certificate.clone();
        this.createdAt = createdAt;
    }

    WrappedKey wrappedKey() {
        return new WrappedKey(new KeyBinding("ca:" + name, OWNER), KeySpec.ec(EcCurve.byName(curve).orElseThrow()),
                wrappingKeyLabel, wrappedPrivateKey, bindingTag);
    }

    byte[] certificate() {
        return certificate.clone();
    }
}
