package org.sigillum.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmStatus;

/** Ready only while a pooled session can reach the token and find Sigillum's keys on it. */
@Readiness
@ApplicationScoped
public class HsmReadiness implements HealthCheck {

    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Override
    public HealthCheckResponse call() {
        try (HsmConnection connection = hsm.getConnection()) {
            HsmStatus status = connection.selfTest();
            return HealthCheckResponse.named("hsm").up().withData("token", status.tokenLabel())
                    .withData("sessionObjects", status.sessionObjects()).build();
        } catch (HsmException | RuntimeException e) {
            return HealthCheckResponse.named("hsm").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
