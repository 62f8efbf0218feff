package org.sigillum.documents;

import eu.europa.esig.dss.asic.cades.signature.ASiCWithCAdESService;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.jades.signature.JAdESService;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.signature.XAdESService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;

/**
 * DSS's signature services, one per format. No online source is configured: nothing is fetched from the
 * network while signing at level B.
 */
@ApplicationScoped
public class SignatureServices {

    /** PDFBox keeps at most this much of a document's new streams in memory, the rest in temporary files. */
    private static final long PDF_MEMORY_BYTES = 8L * 1024 * 1024;

    @SuppressWarnings({"unchecked", "rawtypes"})
    DocumentSignatureService<SerializableSignatureParameters, ?> service(DocumentFormat format) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        DocumentSignatureService service = switch (format) {
            case CADES -> new CAdESService(verifier);
            case XADES -> new XAdESService(verifier);
            case PADES -> new PAdESService(verifier);
            case JADES -> new JAdESService(verifier);
        };
        return service;
    }

    /**
     * The service for documents that arrive as files: PAdES reads the PDF from its file (never as one byte array),
     * draws visible signatures natively, and writes each revision to a temporary file under {@code workDirectory};
     * with a container, DSS's ASiC service for the format.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    DocumentSignatureService<SerializableSignatureParameters, ?> fileService(DocumentFormat format, AsicContainer container,
                                                                            File workDirectory) {
        if (container != AsicContainer.NONE) {
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            DocumentSignatureService service = format == DocumentFormat.XADES
                    ? new ASiCWithXAdESService(verifier) : new ASiCWithCAdESService(verifier);
            return service;
        }
        if (format != DocumentFormat.PADES) {
            return service(format);
        }
        PdfBoxNativeObjectFactory pdf = new PdfBoxNativeObjectFactory();
        pdf.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(PDF_MEMORY_BYTES));
        pdf.setResourcesHandlerBuilder(new TempFileResourcesHandlerBuilder().setTempFileDirectory(workDirectory)
                .setFileNamePrefix("pades-"));
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(pdf);
        DocumentSignatureService generic = service;
        return generic;
    }
}
