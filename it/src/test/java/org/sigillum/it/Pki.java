package org.sigillum.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Helpers of the PKI tests: binary HTTP exchanges, PEM files of the built-in CA, and openssl runs. */
final class Pki {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Binary(int status, String contentType, byte[] body) {
        Sigillum.Reply asReply() {
            return new Sigillum.Reply(status, new String(body, StandardCharsets.UTF_8));
        }
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
}
