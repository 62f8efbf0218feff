package org.sigillum.sam.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;

/** The pepper of PINs and passwords: an HMAC under the HSM's pepper key, through a pooled session. */
@ApplicationScoped
public class HsmPepper implements Pepper {

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Override
    public byte[] apply(byte[] secret) throws ServiceException {
        try (HsmConnection connection = hsm.getConnection()) {
            return connection.pepper(secret);
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("PIN check", e);
        }
    }
}
