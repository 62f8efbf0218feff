package org.sigillum.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;

/** Up only while a pooled session can reach the token and find Sigillum's keys on it. */
@ApplicationScoped
public class HsmProbe implements Probe {

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Override
    public Result check() {
        try (HsmConnection connection = hsm.getConnection()) {
            return new Result("hsm", true, "token " + connection.selfTest().tokenLabel());
        } catch (HsmException | RuntimeException e) {
            return new Result("hsm", false, e.getClass().getSimpleName());
        }
    }
}
