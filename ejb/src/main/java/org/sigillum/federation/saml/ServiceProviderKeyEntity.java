package org.sigillum.federation.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.WrappedKey;

/** One of Sigillum's SAML keys: the signing key wrapped by the HSM, or the encryption key sealed under an HSM-derived key. */
@Entity
@Table(name = "saml_sp_key")
public class ServiceProviderKeyEntity {

    static final String OWNER = org.sigillum.hsm.KeyBinding.SERVICE_OWNER_PREFIX + "saml";

    @Id
    private String name;
    @Column(name = "key_length", nullable = false)
    private int keyLength;
    @Column(name = "wrapping_key_label")
    private String wrappingKeyLabel;
    @Column(name = "wrapped_private_key")
    private byte[] wrappedPrivateKey;
    @Column(name = "binding_tag")
    private byte[] bindingTag;
    @Column(name = "sealed_private_key")
    private byte[] sealedPrivateKey;
    @Column(nullable = false)
    private byte[] certificate;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ServiceProviderKeyEntity() {
    }

    static ServiceProviderKeyEntity wrapped(String name, WrappedKey key, byte[] certificate) {
        ServiceProviderKeyEntity entity = new ServiceProviderKeyEntity(name, key.spec().lengthBits(), certificate);
        entity.wrappingKeyLabel = key.wrappingKeyLabel();
        entity.wrappedPrivateKey = key.blob();
        entity.bindingTag = key.bindingTag();
        return entity;
    }

    static ServiceProviderKeyEntity sealed(String name, int keyLength, byte[] sealedPrivateKey, byte[] certificate) {
        ServiceProviderKeyEntity entity = new ServiceProviderKeyEntity(name, keyLength, certificate);
        entity.sealedPrivateKey = sealedPrivateKey.clone();
        return entity;
    }

    private ServiceProviderKeyEntity(String name, int keyLength, byte[] certificate) {
        this.name = name;
        this.keyLength = keyLength;
        this.certificate = certificate.clone();
        this.createdAt = Instant.now();
    }

    static KeyBinding binding(String name) {
        return new KeyBinding("saml:" + name, OWNER);
    }

    WrappedKey wrappedKey() {
        return new WrappedKey(binding(name), KeySpec.rsa(keyLength), wrappingKeyLabel, wrappedPrivateKey, bindingTag);
    }

    byte[] sealedPrivateKey() {
        return sealedPrivateKey.clone();
    }

    byte[] certificate() {
        return certificate.clone();
    }
}
