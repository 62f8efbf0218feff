package org.sigillum.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;

/** Up only while a pooled session can reach the token. */
@ApplicationScoped
public class HsmProbe implements Probe {

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Override
    public Result check() {
        try (HsmConnection connection = hsm.getConnection()) {
            // a round trip to the token through a pooled session; the full self-test, which searches every session
            // object, is the admin diagnostics' (/api/v1/diagnostics/hsm/status), not an anonymous endpoint's
            connection.randomBytes(8);
            return new Result("hsm", true, "token reachable");
        } catch (HsmException | RuntimeException e) {
            return new Result("hsm", false, e.getClass().getSimpleName());
        }
    }
}
