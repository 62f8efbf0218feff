package org.sigillum.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.ClientRegistrationRequest;

/**
 * Makes sure the operator's bootstrap client exists, with the admin scope, so that the first operator can get a
 * token and register everything else. Its ID and secret come from SIGILLUM_BOOTSTRAP_CLIENT_ID and
 * SIGILLUM_BOOTSTRAP_CLIENT_SECRET, or else from the JSON file bin/sigillum writes (mode 600); a changed secret
 * replaces the stored one.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class BootstrapClientBean {

    private static final Logger LOG = Logger.getLogger(BootstrapClientBean.class.getName());
    private static final int MIN_SECRET_LENGTH = 16;

    @EJB
    private ClientRegistryBean registry;

    @Inject
    @ConfigProperty(name = "sigillum.bootstrap-client-id")
    Optional<String> configuredId;
    @Inject
    @ConfigProperty(name = "sigillum.bootstrap-client-secret")
    Optional<String> configuredSecret;
    @Inject
    @ConfigProperty(name = "sigillum.bootstrap-client-file")
    Optional<String> file;

    @PostConstruct
    void ensure() {
        String[] credentials = credentials();
        if (credentials == null) {
            LOG.info("no bootstrap client configured");
            return;
        }
        if (credentials[1].length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("the bootstrap client secret must have at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        try {
            ClientEntity existing = registry.find(credentials[0]);
            if (existing == null) {
                registry.register(credentials[0], credentials[1], new ClientRegistrationRequest("Bootstrap operator client",
                        List.of(), Scopes.ADMIN, null, null, null));
                LOG.info("bootstrap client " + credentials[0] + " registered");
            } else if (!registry.secretMatches(existing, credentials[1])) {
                registry.resetSecret(existing, credentials[1]);
                LOG.info("bootstrap client " + credentials[0] + ": secret replaced");
            }
        } catch (ServiceException e) {
            throw new IllegalStateException("the bootstrap client could not be registered: " + e.getMessage(), e);
        }
    }

    private String[] credentials() {
        if (configuredId.isPresent() && configuredSecret.isPresent()) {
            return new String[] {configuredId.get(), configuredSecret.get()};
        }
        if (file.isEmpty() || !Files.isRegularFile(Path.of(file.get()))) {
            return null;
        }
        try (Reader in = Files.newBufferedReader(Path.of(file.get())); JsonReader reader = Json.createReader(in)) {
            JsonObject json = reader.readObject();
            return new String[] {json.getString("client_id"), json.getString("client_secret")};
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("bootstrap client file " + file.get() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
