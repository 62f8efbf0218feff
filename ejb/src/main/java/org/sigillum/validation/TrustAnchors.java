package org.sigillum.validation;

import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TrustAnchorRegistry;
import org.sigillum.enrollment.Enrollment;

/**
 * What validation trusts: the built-in CA's root and the operator's anchors. Revocation data is fetched online only from the URLs
 * {@link AllowedUrls} lists; certificates a document carries cannot send the server elsewhere, and AIA fetching
 * is off.
 */
@ApplicationScoped
public class TrustAnchors {

    @Inject
    private Enrollment enrollment;
    @Inject
    private AllowedUrls allowedUrls;
    @EJB
    private TrustAnchorRegistry registry;

    /** The DER certificates trusted: the built-in root, then the operator's anchors. */
    public java.util.List<byte[]> certificates() throws ServiceException {
        java.util.List<byte[]> chain = enrollment.connector().caChain();
        java.util.List<byte[]> anchors = new java.util.ArrayList<>();
        anchors.add(chain.get(chain.size() - 1));
        anchors.addAll(registry.certificates());
        return anchors;
    }

    public CommonCertificateVerifier verifier() throws ServiceException {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (byte[] anchor : certificates()) {
            trusted.addCertificate(DSSUtils.loadCertificate(anchor));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(new OnlineOCSPSource(RestrictedLoaders.ocsp(allowedUrls)));
        verifier.setCrlSource(new OnlineCRLSource(RestrictedLoaders.crl(allowedUrls)));
        return verifier;
    }
}
