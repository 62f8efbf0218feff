package org.sigillum.sam.sad;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
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

@Stateless
public class SignatureActivationBean implements SignatureActivation {

    @Resource(lookup = SadStore.CACHE)
    private Cache<String, SadRecord> sads;
    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;
    @EJB
    private SadConsumerBean consumer;

    @Inject
    @ConfigProperty(name = "sigillum.sad.lifetime-seconds", defaultValue = "300")
    long lifetimeSeconds;
    /** How long after the user authenticated a transaction may still be extended. */
    @Inject
    @ConfigProperty(name = "sigillum.sad.max-transaction-seconds", defaultValue = "3600")
    long maxTransactionSeconds;

    /** Takes the SAD out of the cache, once; an unknown, spent or expired one is refused. */
    private SadRecord consumeLive(String sad) throws ServiceException {
        SadRecord record = sad == null || sad.isBlank() ? null : consumer.consume(SadStore.key(sad));
        if (record == null || record.expiredAt(Instant.now())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the SAD is invalid, expired or already used");
        }
        return record;
    }

    @Override
    public IssuedSad issue(SadGrant grant) {
        String value = SadStore.newValue();
        sads.put(SadStore.key(value), new SadRecord(grant, Instant.now().plusSeconds(lifetimeSeconds)), lifetimeSeconds,
                TimeUnit.SECONDS);
        return new IssuedSad(value, lifetimeSeconds);
    }

    @Override
    public void withdraw(String sadDigest) {
        consumer.consume(sadDigest);
    }

    @Override
    public IssuedSad extend(String sad, String callerUserId, String credentialId, String hashAlgorithmOid,
                            List<String> hashes) throws ServiceException {
        SadRecord record = consumeLive(sad);
        SadGrant grant = record.grant();
        Instant now = Instant.now();
        if (!grant.userId().equals(callerUserId) || !grant.credentialId().equals(credentialId)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the SAD was not issued for this user and credential");
        }
        if (grant.authenticatedAt().plusSeconds(maxTransactionSeconds).isBefore(now)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the authorization is too old to extend; authorize again");
        }
        if (hashAlgorithmOid != null && grant.hashAlgorithmOid() != null && !hashAlgorithmOid.equals(grant.hashAlgorithmOid())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the hash algorithm is not the one authorized");
        }
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
    public List<byte[]> sign(String sad, String callerUserId, WrappedKey key, KeyCachePolicy cachePolicy,
                             SignatureScheme scheme, String hashAlgorithmOid, List<byte[]> hashes) throws ServiceException {
        SadRecord record = consumeLive(sad);
        SadRules.check(record, callerUserId, key.binding(), scheme, hashAlgorithmOid, hashes);
        return unwrapAndSign(key, cachePolicy, scheme, hashes);
    }

    @Override
    public List<byte[]> signDocuments(String sad, String callerUserId, WrappedKey key, KeyCachePolicy cachePolicy,
                                      SignatureScheme scheme, List<byte[]> documentDigests,
                                      List<byte[]> dataToSignDigests) throws ServiceException {
        SadRecord record = consumeLive(sad);
        SadRules.check(record, callerUserId, key.binding(), scheme, null, documentDigests);
        // never more signatures than documents: one each, or one over all of them (a container that holds them all)
        if (dataToSignDigests.size() != documentDigests.size() && dataToSignDigests.size() != 1) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "one signature per document, or one for all of them");
        }
        return unwrapAndSign(key, cachePolicy, scheme, dataToSignDigests);
    }

    private List<byte[]> unwrapAndSign(WrappedKey key, KeyCachePolicy cachePolicy, SignatureScheme scheme,
                                       List<byte[]> hashes) throws ServiceException {
        try (HsmConnection connection = hsm.getConnection()) {
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
