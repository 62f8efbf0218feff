package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256_HMAC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_HANDLE_INVALID;

import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmStatus;
import org.sigillum.hsm.HsmUnavailableException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeyBindingException;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SealedSecret;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.TokenInfo;

/**
 * One logged-in PKCS#11 session: its life (liveness, close, the cached key objects it owns) and the call lock
 * every operation runs under. The operations themselves are plain classes on the session: {@link UserKeyGenerator},
 * {@link UserKeySigner}, {@link SecretSealer}, with {@link BindingTags}, {@link KeyTemplates} and
 * {@link CallLimits}. The managed connection wraps this class for the pool; the key ceremony tool and the tests
 * use it directly against a real token.
 */
public final class TokenSession implements AutoCloseable {

    private final TokenContext token;
    private final Session session;
    private final int generation;
    private final long pepperKey;
    private final UserKeyGenerator generator;
    private final UserKeySigner signer;
    private final SecretSealer sealer;

    TokenSession(TokenContext token, Session session, int generation, long wrappingKey, long bindingKey, long pepperKey) {
        this.token = token;
        this.session = session;
        this.generation = generation;
        this.pepperKey = pepperKey;
        String wrappingLabel = token.config().wrappingKeyLabel();
        BindingTags tags = new BindingTags(session, bindingKey);
        this.generator = new UserKeyGenerator(session, wrappingKey, wrappingLabel, tags);
        this.signer = new UserKeySigner(session, token, wrappingKey, tags, this);
        this.sealer = new SecretSealer(session, wrappingKey, wrappingLabel, tags);
    }

    public GeneratedKey generateKeyPair(KeySpec spec, KeyBinding binding) throws HsmException {
        return guarded(() -> generator.generate(spec, binding));
    }

    /** Signs with a user's key; the SAM's path (see {@link HsmConnection#unwrapAndSign}). */
    public List<byte[]> unwrapAndSign(WrappedKey key, SignatureScheme scheme, List<byte[]> digests, KeyCachePolicy policy)
            throws HsmException {
        if (key.binding().isServiceKey()) {
            throw new KeyBindingException("a key of the service signs only through signWithServiceKey");
        }
        return sign(key, scheme, digests, policy);
    }

    /** Signs with a key of the service itself; a user's key is refused (see {@link HsmConnection#signWithServiceKey}). */
    public List<byte[]> signWithServiceKey(WrappedKey key, SignatureScheme scheme, List<byte[]> digests,
                                           KeyCachePolicy policy) throws HsmException {
        if (!key.binding().isServiceKey()) {
            throw new KeyBindingException("a user's key signs only through the SAM");
        }
        return sign(key, scheme, digests, policy);
    }

    /**
     * The binding's owner, on which the two paths above are chosen, is authentic: the signer checks the binding
     * MAC before unwrapping, and a cached handle is found only under the digest of a binding checked before.
     */
    private List<byte[]> sign(WrappedKey key, SignatureScheme scheme, List<byte[]> digests, KeyCachePolicy policy)
            throws HsmException {
        CallLimits.checkSignature(key, scheme, digests);
        return guarded(() -> {
            try {
                return signer.sign(key, scheme, digests, policy);
            } finally {
                destroyDoomedKeys();
            }
        });
    }

    public byte[] randomBytes(int length) throws HsmException {
        CallLimits.checkRandomLength(length);
        return guarded(() -> {
            try {
                return session.generateRandom(length);
            } catch (TokenException e) {
                throw Pkcs11Errors.translate("random generation", e);
            }
        });
    }

    public byte[] pepper(byte[] secret) throws HsmException {
        CallLimits.checkPeppered(secret);
        return guarded(() -> {
            try {
                return session.signSingle(new Mechanism(CKM_SHA256_HMAC), pepperKey, secret);
            } catch (TokenException e) {
                throw Pkcs11Errors.translateTokenKeyFailure("pepper", e);
            }
        });
    }

    /**
     * HMAC-SHA256 under the audit key. The key is looked up on each call: the audit log calls this once per chain
     * key and per anchor, not per record, and a session opened before the key ceremony added it still works.
     */
    public byte[] auditMac(byte[] message) throws HsmException {
        CallLimits.checkAuditMessage(message);
        return guarded(() -> {
            try {
                long[] found = session.findObjectsSingle(
                        AttributeVector.newSecretKey().token(true).label(HsmConnection.AUDIT_KEY_LABEL), 2);
                if (found.length != 1) {
                    String problem = "audit key '" + HsmConnection.AUDIT_KEY_LABEL + "' is " + (found.length == 0
                            ? "missing on the token; run the key ceremony (bin/sigillum start does)"
                            : "not unique on the token");
                    throw new HsmUnavailableException(problem, new PKCS11Exception(CKR_KEY_HANDLE_INVALID, problem));
                }
                return session.signSingle(new Mechanism(CKM_SHA256_HMAC), found[0], message);
            } catch (TokenException e) {
                throw Pkcs11Errors.translateTokenKeyFailure("audit MAC", e);
            }
        });
    }

    public SealedSecret sealSecret(byte[] secret, KeyBinding binding) throws HsmException {
        CallLimits.checkSecret(secret);
        Objects.requireNonNull(binding, "binding");
        return guarded(() -> sealer.seal(secret, binding));
    }

    public List<byte[]> hmacSha1(SealedSecret sealed, List<byte[]> messages) throws HsmException {
        Objects.requireNonNull(sealed, "sealed");
        CallLimits.checkMessages(messages);
        return guarded(() -> sealer.hmacSha1(sealed, messages));
    }

    public HsmStatus selfTest() throws HsmException {
        return guarded(() -> {
            try {
                session.getSessionInfo();
                TokenInfo info = session.getToken().getTokenInfo();
                destroyDoomedKeys();
                return new HsmStatus(info.getLabel().strip(), info.getManufacturerID().strip(), info.getModel().strip(),
                        List.of(token.config().wrappingKeyLabel(), token.config().bindingKeyLabel(),
                                token.config().pepperKeyLabel()),
                        signatureAlgorithmOids(), SessionObjects.count(session), token.keyCache().statistics());
            } catch (TokenException e) {
                throw Pkcs11Errors.translate("self-test", e);
            }
        });
    }

    public void evictCachedKey(String credentialId) throws HsmException {
        guarded(() -> {
            token.keyCache().evictCredential(credentialId);
            destroyDoomedKeys();
            return null;
        });
    }

    /** Cheap liveness probe for pool validation. */
    public boolean isAlive() {
        Lock lock = token.callLock();
        lock.lock();
        try {
            if (generation != token.generation()) {
                return false;
            }
            session.getSessionInfo();
            return true;
        } catch (TokenException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Destroys the given cached key objects; any session of this server may do it. */
    void destroy(List<UnwrappedKeyCache.Doomed> doomedKeys) {
        if (doomedKeys.isEmpty()) {
            return;
        }
        Lock lock = token.callLock();
        lock.lock();
        try {
            if (generation != token.generation()) {
                return;
            }
            for (UnwrappedKeyCache.Doomed doomed : doomedKeys) {
                try {
                    byte[] id = session.getAttrValues(doomed.handle(), CKA_ID).id();
                    if (MessageDigest.isEqual(id, doomed.objectId())) {
                        session.destroyObject(doomed.handle());
                    }
                } catch (TokenException e) {
                    // the object died with its session already: nothing left to destroy
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        token.keyCache().forgetOwner(this);
        Lock lock = token.callLock();
        lock.lock();
        try {
            if (generation == token.generation()) {
                session.closeSession();
            }
            // else the handle died with the old library instance and may now name another session
        } catch (TokenException e) {
            // a dead session is closed already
        } finally {
            lock.unlock();
        }
    }

    /** An operation on the token; runs under the library's call lock, on a session of the current library. */
    private interface Pkcs11Call<T> {
        T run() throws HsmException;
    }

    private <T> T guarded(Pkcs11Call<T> call) throws HsmException {
        Lock lock = token.callLock();
        lock.lock();
        try {
            if (generation != token.generation()) {
                throw new HsmUnavailableException("session predates a restart of the PKCS#11 library", null);
            }
            return call.run();
        } finally {
            lock.unlock();
        }
    }

    /** Destroys cached key objects that expired or were evicted; called with the call lock held. */
    private void destroyDoomedKeys() {
        destroy(token.keyCache().drainDestroyable());
    }

    private List<String> signatureAlgorithmOids() {
        Set<String> oids = new LinkedHashSet<>();
        for (long mechanism : session.getToken().getMechanismList()) {
            oids.addAll(Mechanisms.signatureAlgorithmOids(mechanism));
        }
        return List.copyOf(oids);
    }
}
