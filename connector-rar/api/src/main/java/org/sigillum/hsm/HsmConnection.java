package org.sigillum.hsm;

import java.util.List;

/**
 * One logged-in HSM session taken from the pool. The interface never hands out a private key: keys leave the
 * HSM only wrapped, and come back in only for the duration of one {@link #unwrapAndSign} call (or, when a
 * {@link KeyCachePolicy} allows it, as a non-extractable session object that only this same call can use).
 */
public interface HsmConnection extends AutoCloseable {

    /** Label of the audit key that the key ceremony creates next to the wrapping, binding and pepper keys. */
    String AUDIT_KEY_LABEL = "sigillum-audit";

    /**
     * Generates a key pair inside the HSM and returns the public key and the private key wrapped under the
     * HSM's wrapping key, with a tag that binds the wrapped blob to {@code binding}.
     */
    GeneratedKey generateKeyPair(KeySpec spec, KeyBinding binding) throws HsmException;

    /**
     * Signs with a user's key: checks the blob's binding tag, unwraps the private key into a session object, signs
     * each digest in order and destroys the key before returning, also on error, unless {@code cachePolicy} lets
     * it stay. Only the SAM calls this, after it verified a SAD for exactly these digests (the build enforces it);
     * a key of the service itself ({@link KeyBinding#isServiceKey()}) is refused here.
     */
    List<byte[]> unwrapAndSign(WrappedKey key, SignatureScheme scheme, List<byte[]> digests, KeyCachePolicy cachePolicy)
            throws HsmException;

    /**
     * Signs with a key of the service itself (CA, TSA, OCSP, diagnostics) as {@link #unwrapAndSign} does; a user's
     * key is refused with a {@link KeyBindingException}, so no code outside the SAM can sign with one.
     */
    List<byte[]> signWithServiceKey(WrappedKey key, SignatureScheme scheme, List<byte[]> digests,
                                    KeyCachePolicy cachePolicy) throws HsmException;

    /** Destroys any cached unwrapped copy of a credential's key (revocation, deletion). */
    void evictCachedKey(String credentialId) throws HsmException;

    byte[] randomBytes(int length) throws HsmException;

    /**
     * A keyed digest (HMAC-SHA256) of a low-entropy secret such as a PIN, under a key that never leaves the HSM:
     * hashes stored of it cannot be attacked offline by whoever reads the database.
     */
    byte[] pepper(byte[] secret) throws HsmException;

    /**
     * HMAC-SHA256 of {@code message} under the audit key ({@link #AUDIT_KEY_LABEL}), which never leaves the HSM.
     * The audit log derives each chain's MAC key and the MAC of each anchor from it: whoever can write the
     * database but cannot use the HSM cannot forge a record or an anchor.
     */
    byte[] auditMac(byte[] message) throws HsmException;

    /**
     * Seals a shared secret (e.g. a TOTP seed) for storage: imported as a generic secret, wrapped under the
     * wrapping key, MAC-bound to {@code binding}. The clear secret exists in the HSM only during this call.
     */
    SealedSecret sealSecret(byte[] secret, KeyBinding binding) throws HsmException;

    /**
     * HMAC-SHA1 of each message under a sealed secret, computed inside the HSM after the binding tag is checked;
     * the unwrapped secret is a session object destroyed before returning, also on error.
     */
    List<byte[]> hmacSha1(SealedSecret sealed, List<byte[]> messages) throws HsmException;

    /** Probes the token: session alive, wrapping keys present, mechanisms, session objects, cache figures. */
    HsmStatus selfTest() throws HsmException;

    /** Returns the session to the pool. */
    @Override
    void close();
}
