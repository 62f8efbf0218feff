package org.sigillum.api.validation;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A signed document (or a detached signature with the documents it covers) to raise to
 * {@code conformance_level} AdES-B-T, AdES-B-LT or AdES-B-LTA; asking LTA of an LTA signature adds a new archive
 * time-stamp. {@code signature_format} (C, X, P, J) is guessed from the content when absent.
 */
public record ExtensionRequest(String signedDocument, List<ValidationRequest.OriginalDocument> originalDocuments,
                               @JsonbProperty("signature_format") String signatureFormat,
                               @JsonbProperty("conformance_level") String conformanceLevel) {

    @Override
    public String toString() {
        return "ExtensionRequest[" + signatureFormat + " → " + conformanceLevel + "]";
    }
}
