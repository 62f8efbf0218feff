package org.sigillum.documents;

import eu.europa.esig.dss.asic.cades.ASiCWithCAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * The {@code container} option: none, or an ASiC container (ETSI EN 319 162) holding the document and its
 * detached XAdES or CAdES signature.
 */
enum AsicContainer {

    NONE(null, null, null, null),
    ASIC_E(ASiCContainerType.ASiC_E, "ASiC-E", "asice", "application/vnd.etsi.asic-e+zip"),
    ASIC_S(ASiCContainerType.ASiC_S, "ASiC-S", "asics", "application/vnd.etsi.asic-s+zip");

    private final ASiCContainerType type;
    private final String label;
    private final String extension;
    private final String mediaType;

    AsicContainer(ASiCContainerType type, String label, String extension, String mediaType) {
        this.type = type;
        this.label = label;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    static AsicContainer of(String name) throws ServiceException {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        for (AsicContainer container : values()) {
            if (container.label != null && container.label.equalsIgnoreCase(name.strip())) {
                return container;
            }
        }
        throw invalid("container must be ASiC-E or ASiC-S");
    }

    /**
     * The parameters of one signature: the format's own without a container; with one, DSS's ASiC parameters, whose
     * signature is always detached from the document it sits beside.
     */
    AbstractSignatureParameters<?> parameters(DocumentFormat format, String envelopeProperty) throws ServiceException {
        if (this == NONE) {
            return format.parameters(envelopeProperty);
        }
        if (envelopeProperty != null && !"detached".equalsIgnoreCase(envelopeProperty)) {
            throw invalid("a signature in an ASiC container is Detached");
        }
        AbstractSignatureParameters<?> parameters = switch (format) {
            case XADES -> xades();
            case CADES -> cades();
            default -> throw invalid("ASiC containers hold XAdES or CAdES signatures (signature_format X or C)");
        };
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        return parameters;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    private ASiCWithXAdESSignatureParameters xades() {
        ASiCWithXAdESSignatureParameters parameters = new ASiCWithXAdESSignatureParameters();
        parameters.aSiC().setContainerType(type);
        return parameters;
    }

    private ASiCWithCAdESSignatureParameters cades() {
        ASiCWithCAdESSignatureParameters parameters = new ASiCWithCAdESSignatureParameters();
        parameters.aSiC().setContainerType(type);
        return parameters;
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
