package org.sigillum.documents;

import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.jades.signature.JAdESService;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.signature.XAdESService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DSS's signature services, one per format. No online source is configured: nothing is fetched from the
 * network while signing at level B.
 */
@ApplicationScoped
public class SignatureServices {

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
}
