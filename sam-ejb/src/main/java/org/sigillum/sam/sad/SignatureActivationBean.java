package org.sigillum.sam.sad;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
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
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.sam.IssuedSad;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;
import org.sigillum.hsm.KeyBindingException;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/**
 * The SAM. Every signature follows one order: an HSM session is taken (or the call fails with the SAD untouched),
 * the SAD is checked against the caller and credential and only then spent, what it allows is checked, the
 * credential's state is read from the database, and the HSM signs. Runs in the caller's transaction, which should
 * hold only this and the audit record.
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

    @Inject
    @ConfigProperty(name = "sigillum.sad.lifetime-seconds", defaultValue = "300")
    long lifetimeSeconds;
    /** How long after the user authenticated a transaction may still be extended. */
    @Inject
    @ConfigProperty(name = "sigillum.sad.max-transaction-seconds", defaultValue = "3600")
    long maxTransactionSeconds;

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
    public IssuedSad extend(TokenPrincipal caller, String sad, String credentialId, String hashAlgorithmOid,
                            List<String> hashes) throws ServiceException {
        Instant now = Instant.now();
        SadGrant grant = spending().spend(sad, caller, credentialId, now).grant();
        SadRules.requireExtendable(grant, now, maxTransactionSeconds);
        if (hashAlgorithmOid != null && grant.hashAlgorithmOid() != null && !hashAlgorithmOid.equals(grant.hashAlgorithmOid())) {
            throw new SadRefusal(SadRules.Rule.HASH_ALGORITHM);
        }
        requireActive(credentialId);
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
        try (HsmConnection connection = session()) {
            SadRecord record = spending().spend(sad, caller, key.binding().credentialId(), Instant.now());
            SadRules.check(record, key.binding(), scheme, hashAlgorithmOid, hashes);
            requireActive(record.grant().credentialId(), hashes.size());
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
        try (HsmConnection connection = session()) {
            SadRecord record = spending().spend(sad, caller, key.binding().credentialId(), Instant.now());
            SadRules.check(record, key.binding(), scheme, null, documentDigests);
            requireActive(record.grant().credentialId(), dataToSignDigests.size());
            return unwrapAndSign(connection, key, cachePolicy, scheme, dataToSignDigests);
        }
    }

    /** Taken before the SAD is touched: a busy or absent HSM must not cost the user an authorization. */
    private HsmConnection session() throws ServiceException {
        try {
            return hsm.getConnection();
        } catch (HsmException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the HSM is unavailable; retry later", e);
        }
    }

    private void requireActive(String credentialId) throws ServiceException {
        requireActive(credentialId, 0);
    }

    /** Active, and with {@code signatures} more within its usage limit, counted in this transaction (A11, B5). */
    private void requireActive(String credentialId, int signatures) throws ServiceException {
        try (Connection connection = database.getConnection()) {
            // counted first: the update's row lock is then held before any shared lock on the row, so two signers
            // of one limited credential queue on it instead of deadlocking; a refusal below rolls the count back
            if (signatures > 0) {
                CredentialStates.count(connection, credentialId, signatures);
            }
            CredentialStates.requireActive(CredentialStates.status(connection, credentialId));
        } catch (SQLException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the database is unavailable; retry later", e);
        }
    }

    private static List<byte[]> unwrapAndSign(HsmConnection connection, WrappedKey key, KeyCachePolicy cachePolicy,
                                              SignatureScheme scheme, List<byte[]> hashes) throws ServiceException {
        try {
            return connection.unwrapAndSign(key, scheme, hashes, cachePolicy);
        } catch (KeyBindingException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the stored key does not belong to this credential", e);
        } catch (HsmUnavailableException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the HSM is unavailable; retry later", e);
        } catch (HsmException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, e.getMessage(), e);
        }
    }
}
