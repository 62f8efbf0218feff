package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.IssuedSad;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/**
 * The Signature Activation Module: the only way to a user's key. It issues a single-use SAD for exactly what
 * the user authorized, and signs only under a SAD it consumes, only the hashes that SAD names, only with the
 * key of the credential and user it was issued for (checklist A1–A7, A10), only for the user and client
 * application the SAD was issued to (A12), and only while the credential is enabled (A11). Every path that spends
 * a SAD passes the caller's principal, so that one place checks them all. A call that cannot be served (no HSM
 * session) or that comes from the wrong caller leaves the SAD as it was.
 */
@Local
public interface SignatureActivation {

    IssuedSad issue(SadGrant grant);

    /** A SAD that lives no longer than {@code maxLifetimeSeconds} (a group's policy) nor the server's lifetime. */
    IssuedSad issue(SadGrant grant, long maxLifetimeSeconds);

    /**
     * Makes a SAD unusable before its time, given its SHA-256 (hex) as bearer tokens are stored: a credential
     * token whose grant was revoked (code replay, RFC 7009 revocation) must not sign afterwards.
     */
    void withdraw(String sadDigest);

    /**
     * Waits for the signatures of the credential in flight and keeps every later one out until the caller's
     * transaction ends: a revocation or deletion calls it before it changes the credential, and is then ordered
     * after every signature made and recorded (A11). Must run in the caller's transaction.
     */
    void excludeSigning(String credentialId) throws ServiceException;

    /**
     * CSC extendTransaction: consumes a live SAD of this caller (user and client) and credential and issues a new
     * one for the same authorization (or, when {@code hashes} is given, for those of its hashes), with a fresh
     * lifetime, as long as the credential is enabled and the user's authentication is not older than the configured
     * maximum.
     */
    IssuedSad extend(TokenPrincipal caller, String sad, String credentialId, String hashAlgorithmOid, List<String> hashes)
            throws ServiceException;

    /**
     * Takes an HSM session, checks the caller (user and client) and the key's credential against the SAD, consumes
     * it (once, whatever happens next), checks hash algorithm and every hash against it and the credential's state
     * in the database, then unwraps, signs and destroys the key in the HSM. The key's HSM-verified binding ties it
     * to the credential and owner the SAD names.
     */
    List<byte[]> sign(TokenPrincipal caller, String sad, WrappedKey key, KeyCachePolicy cachePolicy, SignatureScheme scheme,
                      String hashAlgorithmOid, List<byte[]> hashes) throws ServiceException;

    /**
     * Document signing: consumes the SAD and checks the documents' digests against it exactly as {@link #sign}
     * checks hashes, then signs, one per document and in the same order, the digests of the data to be signed
     * that the signature creation application computed from those documents; or, for one signature over all the
     * documents (an ASiC-E container that holds them), the single digest of its data to be signed.
     */
    List<byte[]> signDocuments(TokenPrincipal caller, String sad, WrappedKey key, KeyCachePolicy cachePolicy,
                               SignatureScheme scheme, List<byte[]> documentDigests, List<byte[]> dataToSignDigests)
            throws ServiceException;
}
