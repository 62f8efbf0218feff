package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_WRAP_PAD;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_PSS;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

/**
 * Signs digests with a user's wrapped key: with a cached unwrapped handle when the credential's policy keeps one
 * and the handle still names the object it created, otherwise by checking the binding tag, unwrapping and
 * signing (and offering the fresh handle to the cache). Runs with the session's call lock held.
 */
final class UserKeySigner {

    private final Session session;
    private final TokenContext token;
    private final long wrappingKey;
    private final BindingTags tags;
    private final TokenSession owner;

    UserKeySigner(Session session, TokenContext token, long wrappingKey, BindingTags tags, TokenSession owner) {
        this.session = session;
        this.token = token;
        this.wrappingKey = wrappingKey;
        this.tags = tags;
        this.owner = owner;
    }

    List<byte[]> sign(WrappedKey key, SignatureScheme scheme, List<byte[]> digests, KeyCachePolicy policy)
            throws HsmException {
        UnwrappedKeyCache.Key cacheKey = policy.enabled() ? BindingTags.cacheKey(key) : null;
        if (cacheKey != null) {
            List<byte[]> cached = signWithCachedKey(cacheKey, key.spec(), scheme, digests);
            if (cached != null) {
                return cached;
            }
        }
        tags.verify(key, token.config().wrappingKeyLabel());
        return signWithFreshKey(cacheKey, key, scheme, digests, policy);
    }

    private List<byte[]> signWithCachedKey(UnwrappedKeyCache.Key cacheKey, KeySpec spec, SignatureScheme scheme,
                                           List<byte[]> digests) throws HsmException {
        UnwrappedKeyCache cache = token.keyCache();
        UnwrappedKeyCache.Lease lease = cache.acquire(cacheKey);
        if (lease == null) {
            return null;
        }
        boolean stale = false;
        try {
            // the handle must still name the object this entry created; a freed number may name another key
            byte[] id = session.getAttrValues(lease.handle(), CKA_ID).id();
            stale = !MessageDigest.isEqual(id, lease.objectId());
            return stale ? null : signAll(lease.handle(), spec, scheme, digests);
        } catch (TokenException e) {
            stale = Pkcs11Errors.isStaleHandle(e);
            if (stale) {
                return null;
            }
            throw Pkcs11Errors.translate("signature", e);
        } finally {
            if (stale) {
                cache.discardStale(lease);
            } else {
                cache.release(lease);
            }
        }
    }

    /** {@code cacheKey} is null when the policy keeps nothing. */
    private List<byte[]> signWithFreshKey(UnwrappedKeyCache.Key cacheKey, WrappedKey key, SignatureScheme scheme,
                                          List<byte[]> digests, KeyCachePolicy policy) throws HsmException {
        byte[] id = KeyTemplates.newObjectId();
        long handle = -1;
        boolean cached = false;
        try {
            handle = session.unwrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, key.blob(),
                    KeyTemplates.unwrappedPrivateKey(key.spec(), id));
            List<byte[]> signatures = signAll(handle, key.spec(), scheme, digests);
            cached = cacheKey != null && token.keyCache().offer(cacheKey, handle, id, owner, policy, 1);
            return signatures;
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("unwrap and sign", e);
        } finally {
            if (handle != -1 && !cached) {
                SessionObjects.destroyQuietly(session, handle);
            }
        }
    }

    private List<byte[]> signAll(long keyHandle, KeySpec spec, SignatureScheme scheme, List<byte[]> digests)
            throws TokenException, HsmException {
        List<byte[]> out = new ArrayList<>(digests.size());
        for (byte[] digest : digests) {
            out.add(signOne(keyHandle, spec, scheme, digest));
        }
        return out;
    }

    private byte[] signOne(long keyHandle, KeySpec spec, SignatureScheme scheme, byte[] digest)
            throws TokenException, HsmException {
        if (scheme instanceof SignatureScheme.RsaPkcs1 pkcs1) {
            return session.signSingle(new Mechanism(CKM_RSA_PKCS), keyHandle, pkcs1.digest().digestInfo(digest));
        }
        if (scheme instanceof SignatureScheme.RsaPss pss) {
            RSA_PKCS_PSS_PARAMS params = new RSA_PKCS_PSS_PARAMS(Mechanisms.hashMechanism(pss.digest()),
                    Mechanisms.mgf(pss.mgfDigest()), pss.saltLength());
            return session.signSingle(new Mechanism(CKM_RSA_PKCS_PSS, params), keyHandle, digest);
        }
        byte[] raw = session.signSingle(new Mechanism(CKM_ECDSA), keyHandle, digest);
        return EcdsaSignatures.toDer(raw, spec.curve().fieldBytes());
    }
}
