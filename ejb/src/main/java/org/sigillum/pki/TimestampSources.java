package org.sigillum.pki;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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

    /** The built-in root and the operator's trust anchors: an external TSA must chain to one of them. */
    private List<X509Certificate> anchors() {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> anchors = new ArrayList<>();
            for (byte[] der : trustAnchors.certificates()) {
                anchors.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            return anchors;
        } catch (ServiceException | CertificateException e) {
            throw new IllegalStateException("the trust anchors cannot be read", e);
        }
    }
}
