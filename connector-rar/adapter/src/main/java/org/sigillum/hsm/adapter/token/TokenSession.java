package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmStatus;
import org.sigillum.hsm.HsmUnavailableException;
import org.sigillum.hsm.InvalidKeyRequestException;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeyBindingException;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.SealedSecret;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.TokenInfo;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

/**
 * The operations of one logged-in PKCS#11 session. Plain Java: the managed connection wraps it for the pool,
 * the key ceremony tool and the tests use it directly against a real token.
 */
public final class TokenSession implements AutoCloseable {

    /** Upper bound of digests in one call, so one request cannot hold a session for long. */
    public static final int MAX_DIGESTS_PER_CALL = 1024;

    /**
     * Secrets sealed for HMAC-SHA1: at least the 160 bits RFC 4226 recommends, the HMAC output length below
     * which SoftHSM2 refuses an HMAC key (CKR_KEY_SIZE_RANGE, as RFC 2104 discourages shorter keys); at most
     * one SHA-1 block.
     */
    public static final int MIN_SECRET_BYTES = 20;
    public static final int MAX_SECRET_BYTES = 64;
    /**
     * Messages per HMAC call and their length: a TOTP check needs a few 8-byte counters. An empty message is
     * refused here because SoftHSM2 answers it with CKR_ARGUMENTS_BAD and leaves the sign operation active.
     */
    public static final int MAX_MESSAGES_PER_CALL = 8;
    public static final int MAX_MESSAGE_BYTES = 64;

    /**
     * Starts every MAC input over a sealed secret. A wrapped key's MAC input starts with the binding's encoding,
     * whose first byte is the top byte of a non-negative int length, so at most 0x7F: no 0xFF-led input is ever
     * a wrapped key's, and a tag issued for one kind of blob is never valid for the other.
     */
    private static final byte[] SEALED_SECRET_DOMAIN = domainPrefix("sigillum/sealed-secret/v1");

    /**
     * One generator per thread: the default NativePRNG serialises every caller on one lock, and each unwrap draws
     * an object ID, so two signing threads used to queue there (issue 12). DRBG instances are independent.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(TokenSession::newRandom);
    private static final int OBJECT_ID_BYTES = 16;

    private final TokenContext token;
    private final Session session;
    private final int generation;
    private final long wrappingKey;
    private final long bindingKey;
    private final long pepperKey;

    TokenSession(TokenContext token, Session session, int generation, long wrappingKey, long bindingKey, long pepperKey) {
        this.token = token;
        this.session = session;
        this.generation = generation;
        this.wrappingKey = wrappingKey;
        this.bindingKey = bindingKey;
        this.pepperKey = pepperKey;
    }

    public GeneratedKey generateKeyPair(KeySpec spec, KeyBinding binding) throws HsmException {
        return guarded(() -> generateKeyPairNow(spec, binding));
    }

    public List<byte[]> unwrapAndSign(WrappedKey key, SignatureScheme scheme, List<byte[]> digests, KeyCachePolicy policy)
            throws HsmException {
        checkRequest(key, scheme, digests);
        return guarded(() -> unwrapAndSignNow(key, scheme, digests, policy));
    }

    public byte[] randomBytes(int length) throws HsmException {
        if (length < 1 || length > 4096) {
            throw new InvalidKeyRequestException("random length must be 1..4096 bytes");
        }
        return guarded(() -> {
            try {
                return session.generateRandom(length);
            } catch (TokenException e) {
                throw Pkcs11Errors.translate("random generation", e);
            }
        });
    }

    public byte[] pepper(byte[] secret) throws HsmException {
        if (secret == null || secret.length == 0 || secret.length > 1024) {
            throw new InvalidKeyRequestException("a secret of 1 to 1024 bytes is required");
        }
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
        if (message == null || message.length == 0 || message.length > 4096) {
            throw new InvalidKeyRequestException("a message of 1 to 4096 bytes is required");
        }
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
        if (secret == null || secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
            throw new InvalidKeyRequestException("a secret of " + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES
                    + " bytes is required");
        }
        Objects.requireNonNull(binding, "binding");
        return guarded(() -> sealSecretNow(secret, binding));
    }

    public List<byte[]> hmacSha1(SealedSecret sealed, List<byte[]> messages) throws HsmException {
        Objects.requireNonNull(sealed, "sealed");
        checkMessages(messages);
        return guarded(() -> hmacSha1Now(sealed, messages));
    }

    public HsmStatus selfTest() throws HsmException {
        return guarded(this::selfTestNow);
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

    private GeneratedKey generateKeyPairNow(KeySpec spec, KeyBinding binding) throws HsmException {
        byte[] id = randomObjectId();
        PKCS11KeyPair pair = null;
        try {
            pair = session.generateKeyPair(keyGenMechanism(spec), keyPairTemplate(spec, id));
            byte[] spki = subjectPublicKeyInfo(spec, pair.getPublicKey());
            byte[] blob = session.wrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, pair.getPrivateKey());
            String wrappingLabel = token.config().wrappingKeyLabel();
            byte[] tag = bindingTag(binding, spec, wrappingLabel, blob);
            return new GeneratedKey(spki, new WrappedKey(binding, spec, wrappingLabel, blob, tag));
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("key pair generation", e);
        } catch (GeneralSecurityException e) {
            throw new HsmException("the token returned an unusable public key", e);
        } finally {
            if (pair != null) {
                destroyQuietly(pair.getPrivateKey());
                destroyQuietly(pair.getPublicKey());
            }
        }
    }

    private List<byte[]> unwrapAndSignNow(WrappedKey key, SignatureScheme scheme, List<byte[]> digests,
                                          KeyCachePolicy policy) throws HsmException {
        try {
            UnwrappedKeyCache.Key cacheKey = policy.enabled() ? cacheKey(key) : null;
            if (cacheKey != null) {
                List<byte[]> cached = signWithCachedKey(cacheKey, key.spec(), scheme, digests);
                if (cached != null) {
                    return cached;
                }
            }
            verifyBinding(key);
            return signWithFreshKey(cacheKey, key, scheme, digests, policy);
        } finally {
            destroyDoomedKeys();
        }
    }

    private SealedSecret sealSecretNow(byte[] secret, KeyBinding binding) throws HsmException {
        long handle = -1;
        try {
            // extractable only so that it can be wrapped; it is destroyed right after
            handle = session.createObject(AttributeVector.newSecretKey(CKK_GENERIC_SECRET).token(false).private_(true)
                    .sensitive(true).extractable(true).value(secret));
            byte[] blob = session.wrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, handle);
            String wrappingLabel = token.config().wrappingKeyLabel();
            return new SealedSecret(binding, wrappingLabel, blob, sealedSecretTag(binding, wrappingLabel, blob));
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("secret sealing", e);
        } finally {
            if (handle != -1) {
                destroyQuietly(handle);
            }
        }
    }

    private List<byte[]> hmacSha1Now(SealedSecret sealed, List<byte[]> messages) throws HsmException {
        verifyBinding(sealed);
        long handle = -1;
        try {
            handle = session.unwrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, sealed.blob(),
                    sealedSecretUnwrapTemplate());
            List<byte[]> macs = new ArrayList<>(messages.size());
            for (byte[] message : messages) {
                macs.add(session.signSingle(new Mechanism(CKM_SHA_1_HMAC), handle, message));
            }
            return macs;
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("HMAC under a sealed secret", e);
        } finally {
            if (handle != -1) {
                destroyQuietly(handle);
            }
        }
    }

    private HsmStatus selfTestNow() throws HsmException {
        try {
            session.getSessionInfo();
            TokenInfo info = session.getToken().getTokenInfo();
            destroyDoomedKeys();
            return new HsmStatus(info.getLabel().strip(), info.getManufacturerID().strip(), info.getModel().strip(),
                    List.of(token.config().wrappingKeyLabel(), token.config().bindingKeyLabel(),
                            token.config().pepperKeyLabel()),
                    signatureAlgorithmOids(), countSessionObjects(), token.keyCache().statistics());
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("self-test", e);
        }
    }

    /** Destroys cached key objects that expired or were evicted; called with the call lock held. */
    private void destroyDoomedKeys() {
        destroy(token.keyCache().drainDestroyable());
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
            return stale ? null : sign(lease.handle(), spec, scheme, digests);
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
        byte[] id = randomObjectId();
        long handle = -1;
        boolean cached = false;
        try {
            handle = session.unwrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, key.blob(), unwrapTemplate(key.spec(), id));
            List<byte[]> signatures = sign(handle, key.spec(), scheme, digests);
            cached = cacheKey != null && token.keyCache().offer(cacheKey, handle, id, this, policy, 1);
            return signatures;
        } catch (TokenException e) {
            throw Pkcs11Errors.translate("unwrap and sign", e);
        } finally {
            if (handle != -1 && !cached) {
                destroyQuietly(handle);
            }
        }
    }

    private List<byte[]> sign(long keyHandle, KeySpec spec, SignatureScheme scheme, List<byte[]> digests)
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

    private void checkRequest(WrappedKey key, SignatureScheme scheme, List<byte[]> digests) throws InvalidKeyRequestException {
        if (scheme.keyAlgorithm() != key.spec().algorithm()) {
            throw new InvalidKeyRequestException(scheme.getClass().getSimpleName() + " does not fit a "
                    + key.spec().algorithm() + " key");
        }
        if (digests.isEmpty() || digests.size() > MAX_DIGESTS_PER_CALL) {
            throw new InvalidKeyRequestException("between 1 and " + MAX_DIGESTS_PER_CALL + " digests per call");
        }
        for (byte[] digest : digests) {
            if (digest == null || digest.length != scheme.digest().length()) {
                throw new InvalidKeyRequestException("a " + scheme.digest().jcaName() + " digest has "
                        + scheme.digest().length() + " bytes");
            }
        }
    }

    private static void checkMessages(List<byte[]> messages) throws InvalidKeyRequestException {
        if (messages == null || messages.isEmpty() || messages.size() > MAX_MESSAGES_PER_CALL) {
            throw new InvalidKeyRequestException("between 1 and " + MAX_MESSAGES_PER_CALL + " messages per call");
        }
        for (byte[] message : messages) {
            if (message == null || message.length == 0 || message.length > MAX_MESSAGE_BYTES) {
                throw new InvalidKeyRequestException("a message has 1 to " + MAX_MESSAGE_BYTES + " bytes");
            }
        }
    }

    private static UnwrappedKeyCache.Key cacheKey(WrappedKey key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bindingInput(key.binding(), key.spec(), key.wrappingKeyLabel(), key.blob()));
            digest.update(key.bindingTag());
            return new UnwrappedKeyCache.Key(key.binding().credentialId(), HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void verifyBinding(WrappedKey key) throws HsmException {
        byte[] expected = bindingTag(key.binding(), key.spec(), key.wrappingKeyLabel(), key.blob());
        if (!MessageDigest.isEqual(expected, key.bindingTag())) {
            throw new KeyBindingException("wrapped key is not bound to credential " + key.binding().credentialId());
        }
        if (!key.wrappingKeyLabel().equals(token.config().wrappingKeyLabel())) {
            throw new KeyBindingException("wrapped under unknown wrapping key " + key.wrappingKeyLabel());
        }
    }

    private void verifyBinding(SealedSecret sealed) throws HsmException {
        byte[] expected = sealedSecretTag(sealed.binding(), sealed.wrappingKeyLabel(), sealed.blob());
        if (!MessageDigest.isEqual(expected, sealed.bindingTag())) {
            throw new KeyBindingException("sealed secret is not bound to credential " + sealed.binding().credentialId());
        }
        if (!sealed.wrappingKeyLabel().equals(token.config().wrappingKeyLabel())) {
            throw new KeyBindingException("sealed under unknown wrapping key " + sealed.wrappingKeyLabel());
        }
    }

    private byte[] bindingTag(KeyBinding binding, KeySpec spec, String wrappingLabel, byte[] blob) throws HsmException {
        try {
            return session.signSingle(new Mechanism(CKM_SHA256_HMAC), bindingKey,
                    bindingInput(binding, spec, wrappingLabel, blob));
        } catch (TokenException e) {
            throw Pkcs11Errors.translateTokenKeyFailure("binding tag", e);
        }
    }

    /** What the binding MAC covers: owner and credential, key type and size, wrapping key, blob. */
    private static byte[] bindingInput(KeyBinding binding, KeySpec spec, String wrappingLabel, byte[] blob) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(binding.encoded());
        data.writeBytes((spec.algorithm() + ":" + spec.lengthBits() + ":" + wrappingLabel + ":").getBytes(StandardCharsets.UTF_8));
        data.writeBytes(blob);
        return data.toByteArray();
    }

    private byte[] sealedSecretTag(KeyBinding binding, String wrappingLabel, byte[] blob) throws HsmException {
        try {
            return session.signSingle(new Mechanism(CKM_SHA256_HMAC), bindingKey,
                    sealedSecretBindingInput(binding, wrappingLabel, blob));
        } catch (TokenException e) {
            throw Pkcs11Errors.translateTokenKeyFailure("binding tag", e);
        }
    }

    /** What a sealed secret's binding MAC covers: its domain, owner and credential, wrapping key, blob. */
    private static byte[] sealedSecretBindingInput(KeyBinding binding, String wrappingLabel, byte[] blob) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(SEALED_SECRET_DOMAIN);
        data.writeBytes(binding.encoded());
        byte[] label = wrappingLabel.getBytes(StandardCharsets.UTF_8);
        data.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(label.length).array());
        data.writeBytes(label);
        data.writeBytes(blob);
        return data.toByteArray();
    }

    private static Mechanism keyGenMechanism(KeySpec spec) {
        return new Mechanism(spec.algorithm() == KeyAlgorithm.RSA ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN);
    }

    private static KeyPairTemplate keyPairTemplate(KeySpec spec, byte[] id) {
        AttributeVector publicKey;
        AttributeVector privateKey;
        if (spec.algorithm() == KeyAlgorithm.RSA) {
            publicKey = AttributeVector.newRSAPublicKey().modulusBits(spec.rsaBits())
                    .publicExponent(java.math.BigInteger.valueOf(65537));
            privateKey = AttributeVector.newRSAPrivateKey();
        } else {
            publicKey = AttributeVector.newECPublicKey().ecParams(Mechanisms.curveOid(spec.curve()));
            privateKey = AttributeVector.newECPrivateKey();
        }
        publicKey.token(false).verify(true).id(id);
        // extractable only so that it can be wrapped; it is destroyed right after
        privateKey.token(false).private_(true).sensitive(true).extractable(true).sign(true).id(id);
        return new KeyPairTemplate(privateKey, publicKey);
    }

    /** Within the wrapping key's unwrap template (session object, sensitive, not extractable); HMAC only. */
    private static AttributeVector sealedSecretUnwrapTemplate() {
        return AttributeVector.newSecretKey(CKK_GENERIC_SECRET).token(false).private_(true).sensitive(true)
                .extractable(false).sign(true).verify(false).encrypt(false).decrypt(false).wrap(false).unwrap(false)
                .derive(false);
    }

    private static AttributeVector unwrapTemplate(KeySpec spec, byte[] id) {
        AttributeVector template = spec.algorithm() == KeyAlgorithm.RSA
                ? AttributeVector.newRSAPrivateKey() : AttributeVector.newECPrivateKey();
        return template.token(false).private_(true).sensitive(true).extractable(false).sign(true).id(id);
    }

    private byte[] subjectPublicKeyInfo(KeySpec spec, long publicKey) throws TokenException, GeneralSecurityException {
        if (spec.algorithm() == KeyAlgorithm.RSA) {
            AttributeVector attrs = session.getAttrValues(publicKey, CKA_MODULUS, CKA_PUBLIC_EXPONENT);
            return PublicKeys.rsa(attrs.modulus(), attrs.publicExponent());
        }
        EcCurve curve = spec.curve();
        return PublicKeys.ec(curve, session.getAttrValues(publicKey, CKA_EC_POINT).ecPoint());
    }

    private List<String> signatureAlgorithmOids() {
        Set<String> oids = new LinkedHashSet<>();
        long[] mechanisms = session.getToken().getMechanismList();
        for (long mechanism : mechanisms) {
            oids.addAll(Mechanisms.signatureAlgorithmOids(mechanism));
        }
        return List.copyOf(oids);
    }

    private int countSessionObjects() throws TokenException {
        session.findObjectsInit(new AttributeVector().token(false));
        try {
            int count = 0;
            long[] found;
            while ((found = session.findObjects(256)).length > 0) {
                count += found.length;
            }
            return count;
        } finally {
            session.findObjectsFinal();
        }
    }

    private void destroyQuietly(long handle) {
        try {
            session.destroyObject(handle);
        } catch (TokenException e) {
            // a key that cannot be destroyed died with its session; nothing else can reach it
        }
    }

    private static byte[] domainPrefix(String name) {
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        prefix.write(0xFF);
        prefix.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        prefix.write(0);
        return prefix.toByteArray();
    }

    private static byte[] randomObjectId() {
        byte[] id = new byte[OBJECT_ID_BYTES];
        RANDOM.get().nextBytes(id);
        return id;
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
