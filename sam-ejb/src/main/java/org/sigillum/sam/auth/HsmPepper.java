package org.sigillum.sam.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;

/** The pepper of PINs and passwords: an HMAC under the HSM's pepper key, through a pooled session. */
@ApplicationScoped
public class HsmPepper implements Pepper {

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Override
    public byte[] apply(byte[] secret) throws ServiceException {
        try (HsmConnection connection = hsm.getConnection()) {
            return connection.pepper(secret);
        } catch (HsmUnavailableException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the HSM is unavailable; retry later", e);
        } catch (HsmException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, e.getMessage(), e);
        }
    }
}
