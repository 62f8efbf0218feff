package org.sigillum.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;

/**
 * The MAC keys of the audit log, each derived in the HSM from its audit key (an HMAC of the key's purpose) and kept
 * in memory: one HSM call per chain and node lifetime instead of one per record. Every node derives the same key
 * for a chain, so any node verifies every chain; a database holds none of them.
 */
@ApplicationScoped
public class AuditKeys {

    private static final String DOMAIN = "sigillum/audit-key/v1\n";

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    private final ConcurrentMap<String, byte[]> keys = new ConcurrentHashMap<>();

    public byte[] chainKey(String chainId) throws ServiceException {
        return derive("chain\n" + chainId);
    }

    public byte[] anchorKey() throws ServiceException {
        return derive("anchor");
    }

    private byte[] derive(String purpose) throws ServiceException {
        byte[] key = keys.get(purpose);
        if (key != null) {
            return key;
        }
        try (HsmConnection connection = hsm.getConnection()) {
            key = connection.auditMac((DOMAIN + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("the audit key", e);
        }
        keys.putIfAbsent(purpose, key);
        return key;
    }
}
