package org.sigillum.pki;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.util.List;
import org.sigillum.api.error.ServiceException;
import org.sigillum.validation.TrustAnchors;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.service.TimeStampAuthority;

/**
 * The time-stamp source in use: the external TSA that {@code sigillum.tsa.url} names (with
 * {@code sigillum.tsa.username} and {@code sigillum.tsa.password} for HTTP basic authentication), else the
 * built-in one.
 */
@ApplicationScoped
public class TimestampSources {

    @Inject
    @ConfigProperty(name = "sigillum.tsa.url")
    Optional<String> url;
    @Inject
    @ConfigProperty(name = "sigillum.tsa.username")
    Optional<String> username;
    @Inject
    @ConfigProperty(name = "sigillum.tsa.password")
    Optional<String> password;

    @EJB
    private TimeStampAuthority builtIn;
    @Inject
    private TrustAnchors trustAnchors;

    public TimestampSource current() {
        Optional<String> external = url.filter(u -> !u.isBlank());
        if (external.isPresent()) {
            return new ExternalTimestampSource(URI.create(external.get()), username.filter(u -> !u.isBlank()).orElse(null),
                    password.orElse(null), this::anchors);
        }
        return new BuiltInTimestampSource(builtIn);
    }

    /** Every trust anchor of this server: an external TSA must chain to one of them. */
    private List<X509Certificate> anchors() {
        try {
            return trustAnchors.certificates();
        } catch (ServiceException e) {
            throw new IllegalStateException("the trust anchors cannot be read", e);
        }
    }
}
