package org.sigillum.web.documents;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sigillum.api.documents.SignedDocument;

/**
 * Streams the signed documents from their files: one document as itself, with its media type and file name; several
 * as one ZIP archive ({@code signed-documents.zip}) with an entry per document, in the order they were uploaded.
 */
final class SignedDocumentsResponse {

    static final String ZIP_NAME = "signed-documents.zip";

    private SignedDocumentsResponse() {
    }

    static void write(HttpServletResponse response, List<SignedDocument> signed) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (signed.size() == 1) {
            SignedDocument document = signed.get(0);
            response.setContentType(document.mediaType());
            response.setContentLengthLong(Files.size(document.file()));
            response.setHeader("Content-Disposition", attachment(document.name()));
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(document.file(), out);
            }
            return;
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", attachment(ZIP_NAME));
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            Set<String> names = new HashSet<>();
            for (SignedDocument document : signed) {
                zip.putNextEntry(new ZipEntry(unique(document.name(), names)));
                Files.copy(document.file(), zip);
                zip.closeEntry();
            }
        }
    }

    /** RFC 6266: an ASCII {@code filename} for old clients, the exact UTF-8 name in {@code filename*}. */
    static String attachment(String name) {
        return "attachment; filename=\"" + FileNames.ascii(name) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = i + "-" + name;
        }
        return candidate;
    }
}
