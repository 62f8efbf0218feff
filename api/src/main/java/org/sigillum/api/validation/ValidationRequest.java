package org.sigillum.api.validation;

import java.util.List;

/**
 * A signed document (or a detached signature with the documents it covers), base64, to be validated.
 * {@code reportFormat} is {@code json} (default) or {@code xml}; {@code reports} names which of
 * {@code simple}, {@code detailed} and {@code etsi} to include (default: all three).
 */
public record ValidationRequest(String signedDocument, List<OriginalDocument> originalDocuments, String reportFormat,
                                List<String> reports) {

    public record OriginalDocument(String name, String content) {
    }

    @Override
    public String toString() {
        return "ValidationRequest[originals=" + (originalDocuments == null ? 0 : originalDocuments.size()) + "]";
    }
}
