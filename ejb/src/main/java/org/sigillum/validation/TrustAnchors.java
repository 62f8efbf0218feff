package org.sigillum.validation;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TrustAnchorRegistry;
import org.sigillum.enrollment.Enrollment;

/**
 * What validation trusts, in one place: the built-in CA's root, the operator's anchors, and, when the operator
 * enables them, the certificates of the trust services in the EU trusted lists ({@link TrustedListRefresher}).
 * Revocation data is fetched online only from the URLs {@link AllowedUrls} lists; certificates a document carries
 * cannot send the server elsewhere, and AIA fetching is off.
 *
 * <p>The built-in root and the operator's anchors are read and parsed once, not on every signature and validation
 * (three statements and a certificate parse per anchor, issue 12), and read again when this node changes them
 * ({@link #changed}) or, for a change made on another node, within {@link #REUSE}.
 */
@ApplicationScoped
public class TrustAnchors {

    /** How long a node trusts what it read: an anchor added or removed on another node counts here after this. */
    static final Duration REUSE = Duration.ofSeconds(30);

    private record Snapshot(List<CertificateToken> certificates, Instant readAt) {
    }

    private volatile Snapshot snapshot;
    /** Bumped by {@link #changed}: a read that began before a change is used once, never kept. */
    private final AtomicLong changes = new AtomicLong();

    @Inject
    private Enrollment enrollment;
    @Inject
    private AllowedUrls allowedUrls;
    @EJB
    private TrustAnchorRegistry registry;
    @EJB
    private TrustedListRefresher trustedLists;

    /** Every trusted certificate: the built-in root, the operator's anchors, then those of the trusted lists. */
    public List<X509Certificate> certificates() throws ServiceException {
        List<X509Certificate> anchors = new ArrayList<>();
        for (CertificateToken token : own().getCertificates()) {
            anchors.add(token.getCertificate());
        }
        TrustedListsCertificateSource listed = trustedLists.certificates();
        if (listed != null) {
            listed.getCertificates().forEach(token -> anchors.add(token.getCertificate()));
        }
        return anchors;
    }

    /** A verifier trusting all of them; the trusted lists' source also gives DSS each service's type and status. */
    public CommonCertificateVerifier verifier() throws ServiceException {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        TrustedListsCertificateSource listed = trustedLists.certificates();
        if (listed == null) {
            verifier.setTrustedCertSources(own());
        } else {
            verifier.setTrustedCertSources(own(), listed);
        }
        verifier.setAIASource(null);
        verifier.setOcspSource(new OnlineOCSPSource(RestrictedLoaders.ocsp(allowedUrls)));
        verifier.setCrlSource(new OnlineCRLSource(RestrictedLoaders.crl(allowedUrls)));
        return verifier;
    }

    /** The anchors changed on this node (after the commit): the next use reads them again. */
    public void changed() {
        changes.incrementAndGet();
        snapshot = null;
    }

    /** The built-in root and the operator's anchors, in a source of its own for each caller. */
    private CommonTrustedCertificateSource own() throws ServiceException {
        Snapshot current = snapshot;
        Instant now = Instant.now();
        if (current == null || now.isAfter(current.readAt().plus(REUSE))) {
            long before = changes.get();
            current = new Snapshot(read(), now);
            if (changes.get() == before) {
                snapshot = current;
            }
        }
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        current.certificates().forEach(trusted::addCertificate);
        return trusted;
    }

    private List<CertificateToken> read() throws ServiceException {
        List<byte[]> chain = enrollment.connector().caChain();
        List<CertificateToken> certificates = new ArrayList<>();
        certificates.add(DSSUtils.loadCertificate(chain.get(chain.size() - 1)));
        for (byte[] anchor : registry.certificates()) {
            certificates.add(DSSUtils.loadCertificate(anchor));
        }
        return List.copyOf(certificates);
    }
}
