package org.sigillum.federation.saml;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.federation.ConfiguredProvider;

/**
 * A SAML provider's settings as the protocol uses them: the identity provider's metadata (inline, from a file on
 * the node, or from its URL, kept five minutes per node so that a key rollover at the provider is picked up), and
 * Sigillum's service-provider side for it (entity ID, endpoints, NameID format, clock skew).
 */
@ApplicationScoped
public class SamlProviders {

    public static final String METADATA = "metadata";
    public static final String METADATA_FILE = "metadataFile";
    public static final String METADATA_URL = "metadataUrl";
    public static final String IDP_ENTITY_ID = "idpEntityId";
    public static final String SP_ENTITY_ID = "spEntityId";
    public static final String NAMEID_FORMAT = "nameIdFormat";
    public static final String CLOCK_SKEW_SECONDS = "clockSkewSeconds";
    public static final String ACS_PATH = "/saml/acs";
    public static final String SLO_PATH = "/saml/slo";
    public static final String METADATA_PATH = "/saml/metadata";
    private static final Duration KEEP = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "sigillum.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    private record Fetched(String source, IdentityProviderTrust trust, Instant at) {
    }

    /** Sigillum as the service provider of {@code provider}: the default entity ID is the metadata URL. */
    public ServiceProvider serviceProvider(ConfiguredProvider provider) {
        return serviceProvider(provider == null ? null : provider.setting(SP_ENTITY_ID),
                provider == null ? null : provider.setting(NAMEID_FORMAT),
                provider == null ? null : provider.setting(CLOCK_SKEW_SECONDS));
    }

    ServiceProvider serviceProvider(String entityId, String nameIdFormat, String skewSeconds) {
        return new ServiceProvider(entityId == null || entityId.isBlank() ? publicUrl + METADATA_PATH : entityId,
                publicUrl + ACS_PATH, publicUrl + SLO_PATH, nameIdFormat,
                Duration.ofSeconds(skewSeconds == null ? 60 : Long.parseLong(skewSeconds)));
    }

    public IdentityProviderTrust identityProvider(ConfiguredProvider provider) throws ServiceException {
        String source = provider.setting(METADATA) != null ? "inline:" + provider.setting(METADATA).hashCode()
                : provider.setting(METADATA_FILE) != null ? "file:" + provider.setting(METADATA_FILE)
                : "url:" + provider.setting(METADATA_URL);
        Fetched cached = fetched.get(provider.alias());
        if (cached != null && cached.source().equals(source) && cached.at().plus(KEEP).isAfter(Instant.now())) {
            return cached.trust();
        }
        try {
            IdentityProviderTrust trust = IdentityProviderMetadata.read(metadata(provider), provider.setting(IDP_ENTITY_ID));
            fetched.put(provider.alias(), new Fetched(source, trust, Instant.now()));
            return trust;
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "the identity provider's SAML metadata cannot be used: " + e.getMessage(), e);
        }
    }

    private static byte[] metadata(ConfiguredProvider provider) throws ServiceException {
        if (provider.setting(METADATA) != null) {
            return provider.setting(METADATA).getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (provider.setting(METADATA_FILE) != null) {
                return Files.readAllBytes(Path.of(provider.setting(METADATA_FILE)));
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(provider.setting(METADATA_URL)))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                        "the identity provider's SAML metadata answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the identity provider's SAML metadata cannot be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "interrupted while fetching SAML metadata", e);
        }
    }
}
