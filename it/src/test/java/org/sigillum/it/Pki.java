package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers of the PKI tests: binary HTTP exchanges, PEM files of the built-in CA, and openssl runs. */
final class Pki {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Binary(int status, String contentType, byte[] body) {
        Sigillum.Reply asReply() {
            return new Sigillum.Reply(status, new String(body, StandardCharsets.UTF_8));
        }
    }

    record Run(int exitCode, String output) {
    }

    private Pki() {
    }

    static Binary post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(Sigillum.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static Binary get(String path) {
        return send(HttpRequest.newBuilder(URI.create(Sigillum.url(path))).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private static Binary send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    /** Writes root+issuing (chain.pem), issuing.pem and tsa.pem of the server under test into {@code dir}. */
    static void writeCaFiles(Path dir) throws IOException {
        String root = pem(Sigillum.getBytes("/ca/root.crt"));
        String issuing = pem(Sigillum.getBytes("/ca/issuing.crt"));
        Files.writeString(dir.resolve("chain.pem"), root + issuing);
        Files.writeString(dir.resolve("issuing.pem"), issuing);
        Files.writeString(dir.resolve("tsa.pem"), pem(Sigillum.getBytes("/ca/tsa.crt")));
    }

    /** Runs openssl in {@code dir}, with its output and error merged. */
    static Run openssl(Path dir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish: " + command);
        return new Run(process.exitValue(), output);
    }
}
