package org.sigillum.api.documents;

import java.nio.file.Path;

/** A document received as a file part, already on disk: the caller's file name and where its bytes are. */
public record UploadedDocument(String name, Path file) {
}
