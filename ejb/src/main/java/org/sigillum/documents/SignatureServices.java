package org.sigillum.documents;

import eu.europa.esig.dss.asic.cades.signature.ASiCWithCAdESService;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.jades.signature.JAdESService;
import eu.europa.esig.dss.model.DSSMessageDigest;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.ExternalCMSService;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureService;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.signature.XAdESService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import org.sigillum.api.error.ServiceException;
import org.sigillum.pki.TimestampSources;
import org.sigillum.validation.TrustAnchors;

/**
 * DSS's signature services, one per format, with what levels T, LT and LTA need: the time-stamp source in use,
 * and revocation data fetched only from the allowed URLs, chains built up to the trusted root. PDFs are read
 * within {@link PdfLimits}.
 */
@ApplicationScoped
public class SignatureServices {

    @Inject
    private TrustAnchors trustAnchors;
    @Inject
    private TimestampSources timestamps;
    @Inject
    private PdfLimits pdfLimits;

    DocumentSignatureService<SerializableSignatureParameters, ?> service(DocumentFormat format) throws ServiceException {
        CommonCertificateVerifier verifier = trustAnchors.verifier();
        return withTimestamps(switch (format) {
            case CADES -> new CAdESService(verifier);
            case XADES -> new XAdESService(verifier);
            case PADES -> pades(verifier, null);
            case JADES -> new JAdESService(verifier);
        });
    }

    /**
     * The service for documents that arrive as files: PAdES reads the PDF from its file (never as one byte array),
     * draws visible signatures natively, and writes each revision to a temporary file under {@code workDirectory};
     * with a container, DSS's ASiC service for the format.
     */
    DocumentSignatureService<SerializableSignatureParameters, ?> fileService(DocumentFormat format, AsicContainer container,
                                                                            File workDirectory) throws ServiceException {
        CommonCertificateVerifier verifier = trustAnchors.verifier();
        if (container != AsicContainer.NONE) {
            return withTimestamps(format == DocumentFormat.XADES
                    ? new ASiCWithXAdESService(verifier) : new ASiCWithCAdESService(verifier));
        }
        return format == DocumentFormat.PADES ? withTimestamps(pades(verifier, workDirectory)) : service(format);
    }

    /** Revocation data comes from the same restricted sources for every use. */
    CommonCertificateVerifier verifier() throws ServiceException {
        return trustAnchors.verifier();
    }

    /** The PAdES CMS for a PDF the client prepared and sends as a digest, with the time-stamp source in use. */
    ExternalCmsSignature pdfDigest(DSSMessageDigest digest, PAdESSignatureParameters parameters) throws ServiceException {
        CommonCertificateVerifier verifier = trustAnchors.verifier();
        ExternalCMSService service = new ExternalCMSService(verifier);
        service.setTspSource(new DssTimestamps(timestamps.current()));
        return new ExternalCmsSignature(service, new CAdESService(verifier), digest, parameters);
    }

    private PAdESService pades(CommonCertificateVerifier verifier, File workDirectory) {
        PAdESService service = new PAdESService(verifier);
        service.setPdfObjFactory(workDirectory == null ? pdfLimits.objectFactory() : pdfLimits.fileObjectFactory(workDirectory));
        return service;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DocumentSignatureService<SerializableSignatureParameters, ?> withTimestamps(AbstractSignatureService service) {
        service.setTspSource(new DssTimestamps(timestamps.current()));
        return (DocumentSignatureService) service;
    }
}
