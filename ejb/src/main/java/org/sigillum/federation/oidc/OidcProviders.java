package org.sigillum.federation.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.federation.ConfiguredProvider;

/**
 * Each OIDC provider's discovered metadata and its signing keys, per node. The metadata is fetched from the
 * issuer's discovery document (whose {@code issuer} must be the configured one) and kept a few minutes; the key
 * set is fetched from its {@code jwks_uri}, cached, and fetched again (rate-limited) when a token names a key it
 * does not hold, so a provider may rotate its keys at any time.
 */
@ApplicationScoped
public class OidcProviders {

    static final int TIMEOUT_MILLIS = 5_000;
    private static final long METADATA_SECONDS = 300;
    private static final long JWKS_TTL_MILLIS = 15 * 60_000L;
    private static final long JWKS_REFRESH_TIMEOUT_MILLIS = 5_000L;
    /** Asymmetric algorithms only: never none, never an HMAC keyed with the client secret. */
    static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    /** The provider's metadata and key source, with the algorithms it may sign ID tokens with. */
    record Discovered(String issuer, OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys,
                      Set<JWSAlgorithm> algorithms, Instant fetchedAt) {
    }

    Discovered discover(ConfiguredProvider provider) throws ServiceException {
        String issuer = provider.setting("issuer");
        Discovered known = discovered.get(provider.alias());
        if (known != null && known.issuer().equals(issuer)
                && known.fetchedAt().plusSeconds(METADATA_SECONDS).isAfter(Instant.now())) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            JWKSource<SecurityContext> keys = known != null && known.issuer().equals(issuer)
                    && known.metadata().getJWKSetURI().equals(metadata.getJWKSetURI()) ? known.keys()
                    : JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                                    new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, 512 * 1024))
                            .cache(JWKS_TTL_MILLIS, JWKS_REFRESH_TIMEOUT_MILLIS).retrying(false).build();
            List<JWSAlgorithm> advertised = metadata.getIDTokenJWSAlgs() == null ? List.of(JWSAlgorithm.RS256)
                    : metadata.getIDTokenJWSAlgs();
            Set<JWSAlgorithm> algorithms = Set.copyOf(advertised.stream().filter(ACCEPTED::contains).toList());
            Discovered fresh = new Discovered(issuer, metadata, keys, algorithms, Instant.now());
            discovered.put(provider.alias(), fresh);
            return fresh;
        } catch (GeneralException | IOException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "the identity provider " + provider.alias() + " cannot be reached or describes itself wrongly", e);
        } catch (RuntimeException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "the identity provider " + provider.alias() + " describes itself wrongly", e);
        }
    }
}
