package org.sigillum.api.documents;

import java.nio.file.Path;
import java.util.List;

/**
 * Documents to sign under one SAD, each with the same options; {@code image} is the optional picture of a visible
 * PAdES signature. Everything the signing writes goes under {@code workDirectory}, which the caller deletes.
 */
public record DocumentBatch(SignOptions options, List<UploadedDocument> documents, byte[] image, Path workDirectory) {

    @Override
    public String toString() {
        return "DocumentBatch[" + options + ", documents=" + documents.size() + "]";
    }
}
