package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sigillum.api.documents.SignedDocument;

/** Names, media types and files of what the Document Signature API returns, by format, packaging and container. */
final class SignedOutputs {

    private SignedOutputs() {
    }

    /**
     * Puts a signed document at {@code target}: a file DSS already wrote (PAdES) is moved, not copied; anything
     * else is written out once.
     */
    static SignedDocument write(DSSDocument signed, String originalName, DocumentFormat format,
                                SignaturePackaging packaging, AsicContainer container, Path target) throws IOException {
        if (signed instanceof FileDocument file) {
            Files.move(file.getFile().toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            try (OutputStream out = Files.newOutputStream(target)) {
                signed.writeTo(out);
            }
        }
        return new SignedDocument(name(originalName, format, packaging, container),
                mediaType(format, packaging, container), target);
    }

    static String name(String original, DocumentFormat format, SignaturePackaging packaging, AsicContainer container) {
        if (container != AsicContainer.NONE) {
            return original + "." + container.extension();
        }
        boolean detached = packaging == SignaturePackaging.DETACHED;
        return switch (format) {
            case PADES -> stem(original) + "-signed.pdf";
            case XADES -> detached ? original + ".xades.xml" : stem(original) + "-signed.xml";
            case CADES -> original + (detached ? ".p7s" : ".p7m");
            case JADES -> detached ? original + ".jades.json" : stem(original) + "-signed.json";
        };
    }

    static String mediaType(DocumentFormat format, SignaturePackaging packaging, AsicContainer container) {
        if (container != AsicContainer.NONE) {
            return container.mediaType();
        }
        return switch (format) {
            case PADES -> "application/pdf";
            case XADES -> "application/xml";
            case CADES -> packaging == SignaturePackaging.DETACHED ? "application/pkcs7-signature" : "application/pkcs7-mime";
            case JADES -> "application/jose+json";
        };
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
