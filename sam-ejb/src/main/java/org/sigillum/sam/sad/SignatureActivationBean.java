package org.sigillum.sam.sad;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
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

    @Override
    public IssuedSad issue(SadGrant grant) {
        String value = SadStore.newValue();
        sads.put(SadStore.key(value), new SadRecord(grant, Instant.now().plusSeconds(lifetimeSeconds)), lifetimeSeconds,
                TimeUnit.SECONDS);
        return new IssuedSad(value, lifetimeSeconds);
    }

    @Override
    public List<byte[]> sign(String sad, String callerUserId, WrappedKey key, KeyCachePolicy cachePolicy,
                             SignatureScheme scheme, String hashAlgorithmOid, List<byte[]> hashes) throws ServiceException {
        SadRecord record = sad == null || sad.isBlank() ? null : consumer.consume(SadStore.key(sad));
        if (record == null || record.expiredAt(Instant.now())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the SAD is invalid, expired or already used");
        }
        SadRules.check(record, callerUserId, key.binding(), scheme, hashAlgorithmOid, hashes);
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
