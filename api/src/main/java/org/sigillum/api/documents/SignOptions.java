package org.sigillum.api.documents;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The {@code options} part of {@code POST /api/v1/documents/sign}: the signDoc fields that apply to every uploaded
 * document, plus an ASiC container (with {@code singleContainer}, one ASiC-E container holding every file under one
 * signature, instead of one container per file) and, for PAdES, a visible appearance and a certification (DocMDP)
 * level.
 */
public record SignOptions(String credentialID, @JsonbProperty("SAD") String sad,
                          @JsonbProperty("signature_format") String signatureFormat,
                          @JsonbProperty("conformance_level") String conformanceLevel,
                          @JsonbProperty("signed_envelope_property") String signedEnvelopeProperty,
                          String signAlgo, String signAlgoParams, String container, Boolean singleContainer,
                          Integer certification, Appearance appearance) {

    /**
     * A visible PAdES signature: page (from 1), rectangle in PDF points measured from the page's top-left corner,
     * and a text in which {@code {signer}} and {@code {date}} are replaced by the signer's name and the signing time.
     */
    public record Appearance(Integer page, Float x, Float y, Float width, Float height, String text) {
    }

    @Override
    public String toString() {
        return "SignOptions[credentialID=" + credentialID + ", format=" + signatureFormat + ", container=" + container
                + (Boolean.TRUE.equals(singleContainer) ? " (single)" : "") + "]";
    }
}
