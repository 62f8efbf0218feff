package org.sigillum.documents;

import eu.europa.esig.dss.model.DSSDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A DSS document's bytes, for answers that carry it whole. */
final class DssDocuments {

    private DssDocuments() {
    }

    static byte[] bytes(DSSDocument document) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
