package org.sigillum.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.WrappedKey;
import org.sigillum.keys.StoredKey;

/** A key of the built-in CA: wrapped and bound in the HSM like a user's, with its certificate. */
@Entity
@Table(name = "ca_key")
public class CaKeyEntity {

    static final String OWNER = org.sigillum.hsm.KeyBinding.SERVICE_OWNER_PREFIX + "ca";

    @Id
    private String name;
    @Embedded
    private StoredKey key;
    @Column(nullable = false)
    private byte[] certificate;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaKeyEntity() {
    }

    CaKeyEntity(String name, WrappedKey key, byte[] certificate, Instant createdAt) {
        this.name = name;
        this.key = new StoredKey(key);
        this.certificate = certificate.clone();
        this.createdAt = createdAt;
    }

    WrappedKey wrappedKey() {
        return key.wrappedKey(new KeyBinding("ca:" + name, OWNER));
    }

    byte[] certificate() {
        return certificate.clone();
    }
}
