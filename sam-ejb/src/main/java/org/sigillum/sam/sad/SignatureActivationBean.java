package org.sigillum.sam.sad;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.IssuedSad;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;
import org.sigillum.sam.once.SingleUseLedger;

/**
 * The SAM. Every signature follows one order: the credential's row is locked shared and its state read from the
 * database, an HSM session is taken (or the call fails with the SAD untouched), the SAD is checked against the
 * caller and credential and only then spent, what it allows is checked, the credential must be enabled, and the HSM
 * signs. Runs in the caller's transaction, which should hold only this and the audit record: the lock lasts until
 * it commits, so a revocation waits for the signatures in flight and is recorded after them (A11); the SAD's ledger
 * claim, the credential's state and the audit record commit together, once per signature.
 */
@Stateless
public class SignatureActivationBean implements SignatureActivation {

    @Resource(lookup = SadStore.CACHE)
    private Cache<String, SadRecord> sads;
    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;
    @Resource(lookup = "java:jboss/datasources/SigillumDS")
    private DataSource database;
    @EJB
    private SadConsumerBean consumer;
    @EJB
    private SingleUseLedger ledger;

    @Inject
    @ConfigProperty(name = "sigillum.sad.lifetime-seconds", defaultValue = "300")
    long lifetimeSeconds;
    /** How long after the user authenticated a transaction may still be extended. */
    @Inject
    @ConfigProperty(name = "sigillum.sad.max-transaction-seconds", defaultValue = "3600")
    long maxTransactionSeconds;

    /** Spends a SAD in a transaction of its own, committed before this returns (extend). */
    private SadSpending spending() {
        return new SadSpending(new SadSpending.Store() {
            @Override
            public SadRecord peek(String key) {
                return sads.get(key);
            }

            @Override
            public SadRecord consume(String key) {
                return consumer.consume(key);
            }
        });
    }

    /**
     * Spends a SAD for a signature: removed from the cache at once (committed before the HSM signs), claimed in
     * the ledger within the signing transaction, whose one commit also holds the credential check and the audit
     * record. One database transaction per signature instead of two.
     */
    private SadSpending signingSpending() {
        return new SadSpending(new SadSpending.Store() {
            @Override
            public SadRecord peek(String key) {
                return sads.get(key);
            }

            @Override
            public SadRecord consume(String key) {
                SadRecord record = consumer.remove(key);
                return record != null && ledger.claim("sad", key) ? record : null;
            }
        });
    }

    @Override
    public IssuedSad issue(SadGrant grant) {
        return issue(grant, lifetimeSeconds);
    }

    @Override
    public IssuedSad issue(SadGrant grant, long maxLifetimeSeconds) {
        long lifetime = Math.min(lifetimeSeconds, maxLifetimeSeconds);
        String value = SadStore.newValue();
        sads.put(SadStore.key(value), new SadRecord(grant, Instant.now().plusSeconds(lifetime)), lifetime,
                TimeUnit.SECONDS);
        return new IssuedSad(value, lifetime);
    }

    @Override
    public void withdraw(String sadDigest) {
        consumer.consume(sadDigest);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void excludeSigning(String credentialId) throws ServiceException {
        try (Connection connection = database.getConnection()) {
            CredentialLocks.exclusive(connection, credentialId);
        } catch (SQLException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the database is unavailable; retry later", e);
        }
    }

    @Override
    public IssuedSad extend(TokenPrincipal caller, String sad, String credentialId, String hashAlgorithmOid,
                            List<String> hashes) throws ServiceException {
        Instant now = Instant.now();
        SadGrant grant = spending().spend(sad, caller, credentialId, now).grant();
        SadRules.requireExtendable(grant, now, maxTransactionSeconds);
        if (hashAlgorithmOid != null && grant.hashAlgorithmOid() != null && !hashAlgorithmOid.equals(grant.hashAlgorithmOid())) {
            throw new SadRefusal(SadRules.Rule.HASH_ALGORITHM);
        }
        CredentialStates.requireActive(lockedStatus(credentialId));
        List<String> kept = grant.hashes();
        int numSignatures = grant.numSignatures();
        if (hashes != null && !hashes.isEmpty()) {
            SadRules.requireAuthorized(grant.hashes(), hashes.stream().map(Base64.getDecoder()::decode).toList());
            kept = List.copyOf(hashes);
            numSignatures = hashes.size();
        }
        return issue(new SadGrant(grant.credentialId(), grant.userId(), grant.clientId(), grant.scal(),
                grant.hashAlgorithmOid(), kept, numSignatures, grant.factors(), grant.authenticatedAt()));
    }

    @Override
    public List<byte[]> sign(TokenPrincipal caller, String sad, WrappedKey key, KeyCachePolicy cachePolicy,
                             SignatureScheme scheme, String hashAlgorithmOid, List<byte[]> hashes) throws ServiceException {
        String status = lockedStatus(key.binding().credentialId());
        try (HsmConnection connection = session()) {
            SadRecord record = signingSpending().spend(sad, caller, key.binding().credentialId(), Instant.now());
            SadRules.check(record, key.binding(), scheme, hashAlgorithmOid, hashes);
            CredentialStates.requireActive(status);
            countSignatures(key.binding().credentialId(), hashes.size());
            return unwrapAndSign(connection, key, cachePolicy, scheme, hashes);
        }
    }

    @Override
    public List<byte[]> signDocuments(TokenPrincipal caller, String sad, WrappedKey key, KeyCachePolicy cachePolicy,
                                      SignatureScheme scheme, List<byte[]> documentDigests,
                                      List<byte[]> dataToSignDigests) throws ServiceException {
        // never more signatures than documents: one each, or one over all of them (a container that holds them all)
        if (dataToSignDigests.size() != documentDigests.size() && dataToSignDigests.size() != 1) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "one signature per document, or one for all of them");
        }
        String status = lockedStatus(key.binding().credentialId());
        try (HsmConnection connection = session()) {
            SadRecord record = signingSpending().spend(sad, caller, key.binding().credentialId(), Instant.now());
            SadRules.check(record, key.binding(), scheme, null, documentDigests);
            CredentialStates.requireActive(status);
            countSignatures(key.binding().credentialId(), dataToSignDigests.size());
            return unwrapAndSign(connection, key, cachePolicy, scheme, dataToSignDigests);
        }
    }

    /** Taken before the SAD is touched: a busy or absent HSM must not cost the user an authorization. */
    private HsmConnection session() throws ServiceException {
        try {
            return hsm.getConnection();
        } catch (HsmException e) {
            // no session at all: whatever the cause, the caller can only retry
            throw HsmFailures.toServiceException("session", new HsmUnavailableException(e.getMessage(), e));
        }
    }

    /**
     * The credential's status, its row locked against revocation until this transaction ends. Taken before the HSM
     * session: a revocation holds the row while it signs its CRL in the HSM, so a signer that held a session while
     * it waited for the row would deadlock with it once the pool is taken. A status read here cannot change before
     * the signature is made; it is judged after the SAD's checks, so that a wrong caller hears why it is wrong.
     */
    private String lockedStatus(String credentialId) throws ServiceException {
        try (Connection connection = database.getConnection()) {
            return CredentialStates.status(connection, credentialId);
        } catch (SQLException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the database is unavailable; retry later", e);
        }
    }

    /**
     * Counts {@code signatures} against the credential's usage limit in this transaction (B5); a refusal, or any
     * failure before the commit, rolls the count back. The credential is already locked shared (on H2, its row for
     * update), which a revocation waits for; counting takes the row's own lock, on which signers of one limited
     * credential queue.
     */
    private void countSignatures(String credentialId, int signatures) throws ServiceException {
        try (Connection connection = database.getConnection()) {
            CredentialStates.count(connection, credentialId, signatures);
        } catch (SQLException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the database is unavailable; retry later", e);
        }
    }

    private static List<byte[]> unwrapAndSign(HsmConnection connection, WrappedKey key, KeyCachePolicy cachePolicy,
                                              SignatureScheme scheme, List<byte[]> hashes) throws ServiceException {
        try {
            return connection.unwrapAndSign(key, scheme, hashes, cachePolicy);
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("signature", e);
        }
    }
}
