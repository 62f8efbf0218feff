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
import java.util.ArrayList;
import java.util.List;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TrustAnchorRegistry;
import org.sigillum.enrollment.Enrollment;

/**
 * What validation trusts, in one place: the built-in CA's root, the operator's anchors, and, when the operator
 * enables them, the certificates of the trust services in the EU trusted lists ({@link TrustedListRefresher}).
 * Revocation data is fetched online only from the URLs {@link AllowedUrls} lists; certificates a document carries
 * cannot send the server elsewhere, and AIA fetching is off.
 */
@ApplicationScoped
public class TrustAnchors {

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

    /** The built-in root and the operator's anchors. */
    private CommonTrustedCertificateSource own() throws ServiceException {
        List<byte[]> chain = enrollment.connector().caChain();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(DSSUtils.loadCertificate(chain.get(chain.size() - 1)));
        for (byte[] anchor : registry.certificates()) {
            trusted.addCertificate(DSSUtils.loadCertificate(anchor));
        }
        return trusted;
    }
}
