package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A multipart/form-data call of the Document Signature API, sent by curl: parts stream from files (a test never
 * holds a large document in memory), the answer lands in a file, and an early refusal is read before the whole body
 * is sent.
 */
final class DocumentUpload {

    static final String PATH = "/api/v1/documents/sign";

    /** The answer: status, headers, and the body in a file. */
    record Answer(int status, String contentType, String contentDisposition, Path body) {

        Sigillum.Reply asReply() throws IOException {
            return new Sigillum.Reply(status, Files.readString(body));
        }
    }

    private final Path directory;
    private final List<String> form = new ArrayList<>();
    private String bearer;

    private DocumentUpload(Path directory) {
        this.directory = directory;
    }

    static DocumentUpload to(Path directory) {
        return new DocumentUpload(directory);
    }

    DocumentUpload bearer(String token) {
        this.bearer = token;
        return this;
    }

    DocumentUpload file(Path file, String name) {
        form.add("file=@" + file + ";filename=" + name);
        return this;
    }

    DocumentUpload options(JsonNode options) throws IOException {
        Path file = Files.createTempFile(directory, "options", ".json");
        Files.writeString(file, options.toString());
        form.add("options=<" + file + ";type=application/json");
        return this;
    }

    DocumentUpload image(Path file) {
        form.add("image=@" + file + ";type=image/png");
        return this;
    }

    Answer send() throws Exception {
        Path body = Files.createTempFile(directory, "answer", ".bin");
        Path headers = Files.createTempFile(directory, "headers", ".txt");
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", body.toString(), "-D", headers.toString(),
                "-w", "%{http_code}", "-X", "POST"));
        if (bearer != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + bearer));
        }
        for (String part : form) {
            command.addAll(List.of("-F", part));
        }
        command.add(Sigillum.url(PATH));
        Process curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(curl.waitFor(120, TimeUnit.SECONDS), "curl did not finish");
        return new Answer(Integer.parseInt(status), header(headers, "Content-Type"),
                header(headers, "Content-Disposition"), body);
    }

    private static String header(Path headers, String name) throws IOException {
        String value = null;
        for (String line : Files.readAllLines(headers, StandardCharsets.ISO_8859_1)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                value = line.substring(colon + 1).strip();
            }
        }
        return value;
    }
}
