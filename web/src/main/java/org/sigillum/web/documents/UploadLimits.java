package org.sigillum.web.documents;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bounds of one upload to the Document Signature API, from MicroProfile Config: the whole body (default 256 MiB,
 * far above the JSON APIs' 10 MiB), the visible signature's picture, and the number of files.
 */
record UploadLimits(long maxRequestBytes, long maxImageBytes, int maxFiles) {

    /** The options part is a small JSON object. */
    static final int MAX_OPTIONS_BYTES = 64 * 1024;

    static UploadLimits fromConfig() {
        Config config = ConfigProvider.getConfig();
        return new UploadLimits(
                config.getOptionalValue("sigillum.documents.max-request-bytes", Long.class).orElse(268_435_456L),
                config.getOptionalValue("sigillum.documents.max-image-bytes", Long.class).orElse(1_048_576L),
                config.getOptionalValue("sigillum.documents.max-per-request", Integer.class).orElse(10));
    }
}
