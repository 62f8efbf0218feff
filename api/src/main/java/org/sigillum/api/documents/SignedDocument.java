package org.sigillum.api.documents;

import java.nio.file.Path;

/** A signed document (or container, or detached signature) written to disk for the web layer to stream back. */
public record SignedDocument(String name, String mediaType, Path file) {
}
