package org.sigillum.settings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@link ServiceSettings} from MicroProfile Config once, when the application starts, so that a bad value
 * stops the deployment with the key's name instead of failing the first request that needs it.
 */
@ApplicationScoped
public class ServiceSettingsSource {

    @Inject
    Config config;

    private ServiceSettings settings;

    @PostConstruct
    void read() {
        settings = ServiceSettings.read(key -> config.getOptionalValue(key, String.class));
    }

    /** Touches the bean at start-up: reading happens then, not at the first request. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        current();
    }

    @Produces
    ServiceSettings current() {
        return settings;
    }
}
