package org.sigillum.web.documents;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.sigillum.api.documents.DocumentBatch;
import org.sigillum.api.documents.SignOptions;
import org.sigillum.api.documents.UploadedDocument;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * The parts of a {@code POST /api/v1/documents/sign}: one or more {@code file} parts, one {@code options} JSON part,
 * at most one {@code image} part. File parts stay on disk: each is moved, not copied, into the work directory.
 */
final class MultipartDocuments {

    private static final Jsonb JSON = JsonbBuilder.create();

    private MultipartDocuments() {
    }

    static DocumentBatch read(HttpServletRequest request, UploadLimits limits, Path workDirectory)
            throws ServiceException, IOException {
        Collection<Part> parts = parts(request);
        if (parts.size() > limits.maxFiles() + 2) {
            throw invalid("at most " + limits.maxFiles() + " file parts, one options part and one image part");
        }
        SignOptions options = null;
        byte[] image = null;
        List<UploadedDocument> documents = new ArrayList<>();
        for (Part part : parts) {
            switch (part.getName()) {
                case "file" -> documents.add(file(part, documents.size(), limits, workDirectory));
                case "options" -> {
                    requireFirst(options, "options");
                    options = options(part);
                }
                case "image" -> {
                    requireFirst(image, "image");
                    image = image(part, limits);
                }
                default -> throw invalid("unexpected part " + part.getName() + "; send file, options and image parts");
            }
        }
        if (options == null || documents.isEmpty()) {
            throw invalid("an options part and at least one file part are required");
        }
        return new DocumentBatch(options, documents, image, workDirectory);
    }

    /** Undertow parses the whole body here, to disk; a body over the limit stops it, chunked or not. */
    private static Collection<Part> parts(HttpServletRequest request) throws ServiceException {
        try {
            return request.getParts();
        } catch (IOException | ServletException | IllegalStateException e) {
            if (tooLarge(e)) {
                throw new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds the limit for documents");
            }
            throw invalid("the multipart/form-data body cannot be read");
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            String message = String.valueOf(cause.getMessage());
            if (name.equals("RequestTooBigException") || name.equals("FileTooLargeException")
                    || message.contains("UT000020") || message.contains("UT000054")) {
                return true;
            }
        }
        return false;
    }

    private static UploadedDocument file(Part part, int index, UploadLimits limits, Path workDirectory)
            throws ServiceException, IOException {
        if (index >= limits.maxFiles()) {
            throw invalid("at most " + limits.maxFiles() + " files per request");
        }
        if (part.getSize() == 0) {
            throw invalid("file part " + (index + 1) + " is empty");
        }
        Path file = workDirectory.resolve("upload-" + index);
        part.write(file.toString());
        return new UploadedDocument(FileNames.safe(part.getSubmittedFileName(), index), file);
    }

    private static SignOptions options(Part part) throws ServiceException, IOException {
        if (part.getSize() > UploadLimits.MAX_OPTIONS_BYTES) {
            throw invalid("the options part is larger than " + UploadLimits.MAX_OPTIONS_BYTES + " bytes");
        }
        try (InputStream in = part.getInputStream()) {
            SignOptions options = JSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), SignOptions.class);
            if (options == null) {
                throw invalid("the options part must be a JSON object");
            }
            return options;
        } catch (JsonbException e) {
            throw invalid("the options part is not valid JSON for this method");
        }
    }

    private static byte[] image(Part part, UploadLimits limits) throws ServiceException, IOException {
        if (part.getSize() > limits.maxImageBytes()) {
            throw new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "the image is larger than "
                    + limits.maxImageBytes() + " bytes");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static void requireFirst(Object previous, String name) throws ServiceException {
        if (previous != null) {
            throw invalid("only one " + name + " part is accepted");
        }
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
