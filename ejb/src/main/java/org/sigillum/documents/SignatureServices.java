package org.sigillum.documents;

import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.jades.signature.JAdESService;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureService;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.signature.XAdESService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sigillum.api.error.ServiceException;
import org.sigillum.pki.TimestampSources;
import org.sigillum.validation.TrustAnchors;

/**
 * DSS's signature services, one per format, with what levels T, LT and LTA need: the time-stamp source in use,
 * and revocation data fetched only from the allowed URLs, chains built up to the trusted root.
 */
@ApplicationScoped
public class SignatureServices {

    @Inject
    private TrustAnchors trustAnchors;
    @Inject
    private TimestampSources timestamps;
    @Inject
    private PdfLimits pdfLimits;

    @SuppressWarnings({"unchecked", "rawtypes"})
    DocumentSignatureService<SerializableSignatureParameters, ?> service(DocumentFormat format) throws ServiceException {
        CommonCertificateVerifier verifier = trustAnchors.verifier();
        AbstractSignatureService service = switch (format) {
            case CADES -> new CAdESService(verifier);
            case XADES -> new XAdESService(verifier);
            case PADES -> pades(verifier);
            case JADES -> new JAdESService(verifier);
        };
        service.setTspSource(new DssTimestamps(timestamps.current()));
        return (DocumentSignatureService) service;
    }

    private PAdESService pades(CommonCertificateVerifier verifier) {
        PAdESService service = new PAdESService(verifier);
        service.setPdfObjFactory(pdfLimits.objectFactory());
        return service;
    }
}
