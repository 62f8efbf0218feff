package org.sigillum.hsm.adapter;

import java.util.List;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmStatus;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SealedSecret;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/** The application's view of a pooled session; unusable once closed or cleaned up by the pool. */
class HsmConnectionHandle implements HsmConnection {

    private volatile HsmManagedConnection managed;

    HsmConnectionHandle(HsmManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public GeneratedKey generateKeyPair(KeySpec spec, KeyBinding binding) throws HsmException {
        return live().execute(this, session -> session.generateKeyPair(spec, binding));
    }

    @Override
    public List<byte[]> unwrapAndSign(WrappedKey key, SignatureScheme scheme, List<byte[]> digests, KeyCachePolicy cachePolicy)
            throws HsmException {
        return live().execute(this, session -> session.unwrapAndSign(key, scheme, digests, cachePolicy));
    }

    @Override
    public List<byte[]> signWithServiceKey(WrappedKey key, SignatureScheme scheme, List<byte[]> digests,
                                           KeyCachePolicy cachePolicy) throws HsmException {
        return live().execute(this, session -> session.signWithServiceKey(key, scheme, digests, cachePolicy));
    }

    @Override
    public void evictCachedKey(String credentialId) throws HsmException {
        live().execute(this, session -> {
            session.evictCachedKey(credentialId);
            return null;
        });
    }

    @Override
    public byte[] randomBytes(int length) throws HsmException {
        return live().execute(this, session -> session.randomBytes(length));
    }

    @Override
    public byte[] pepper(byte[] secret) throws HsmException {
        return live().execute(this, session -> session.pepper(secret));
    }

    @Override
    public byte[] auditMac(byte[] message) throws HsmException {
        return live().execute(this, session -> session.auditMac(message));
    }

    @Override
    public SealedSecret sealSecret(byte[] secret, KeyBinding binding) throws HsmException {
        return live().execute(this, session -> session.sealSecret(secret, binding));
    }

    @Override
    public List<byte[]> hmacSha1(SealedSecret sealed, List<byte[]> messages) throws HsmException {
        return live().execute(this, session -> session.hmacSha1(sealed, messages));
    }

    @Override
    public HsmStatus selfTest() throws HsmException {
        return live().execute(this, session -> session.selfTest());
    }

    @Override
    public void close() {
        HsmManagedConnection current = managed;
        if (current != null) {
            managed = null;
            current.handleClosed(this);
        }
    }

    void reassociate(HsmManagedConnection newManaged) {
        this.managed = newManaged;
    }

    void invalidate() {
        managed = null;
    }

    private HsmManagedConnection live() {
        HsmManagedConnection current = managed;
        if (current == null) {
            throw new IllegalStateException("HSM connection used after close");
        }
        return current;
    }
}
