package org.sigillum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server a benchmark runs against, spoken to over HTTP like any client application. */
final class BenchServer {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    private final String operatorToken;

    BenchServer() throws IOException, InterruptedException {
        this.url = env("SIGILLUM_BENCH_URL");
        this.operatorToken = clientCredentialsToken(env("SIGILLUM_BENCH_CLIENT_ID"), env("SIGILLUM_BENCH_CLIENT_SECRET"));
    }

    /** An admin-scope token of the bootstrap client (OAuth 2.0 client_credentials). */
    private String clientCredentialsToken(String clientId, String secret) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/csc/v2/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic(clientId, secret))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=admin")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("client_credentials answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    JsonNode operator(String path, Object body) throws IOException, InterruptedException {
        return post(path, body, "Bearer " + operatorToken);
    }

    /** A GET of the admin API with the operator's token. */
    JsonNode operatorGet(String pathAndQuery) throws IOException, InterruptedException {
        return send(pathAndQuery, HttpRequest.newBuilder(URI.create(url + pathAndQuery)).GET(), "Bearer " + operatorToken);
    }

    JsonNode post(String path, Object body, String authorization) throws IOException, InterruptedException {
        return send(path, HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)), authorization);
    }

    private JsonNode send(String path, HttpRequest.Builder request, String authorization)
            throws IOException, InterruptedException {
        request.timeout(Duration.ofMinutes(3));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new Refused(path, response.statusCode(), response.body());
        }
        return JSON.readTree(response.body());
    }

    /** An answer other than 2xx: the server's refusal in the API's error format, or a balancer's page. */
    static final class Refused extends IllegalStateException {

        private final int status;
        private final String body;

        Refused(String path, int status, String body) {
            super(path + " answered " + status + " " + body);
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        /** The API's {@code error} value, or null when the answer is not in its JSON error format. */
        String error() {
            try {
                JsonNode error = JSON.readTree(body).get("error");
                return error == null || !error.isTextual() ? null : error.asText();
            } catch (IOException notJson) {
                return null;
            }
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Unwrap-sign-destroy through the deployed adapter, measured inside the server (operator diagnostic). */
    double adapterRate(RawPkcs11Loop.KeyType key, int threads, int seconds, boolean cache)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(key.request());
        body.put("threads", threads);
        body.put("seconds", seconds);
        body.put("keyCache", cache);
        JsonNode result = operator("/api/v1/diagnostics/hsm/benchmark", body);
        if (result.get("failures").asLong() != 0) {
            throw new IllegalStateException("signatures failed during the server run: " + result);
        }
        return result.get("signaturesPerSecond").asDouble();
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run through bin/sigillum bench");
        }
        return value;
    }

    /**
     * A multipart/form-data upload of one file with its options (the Document Signature API); returns the length
     * of the streamed answer, read to the end.
     */
    long upload(String path, String authorization, String options, byte[] file) throws IOException, InterruptedException {
        String boundary = "bench-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"options\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + options + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"document\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(3))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + " "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            return body.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
