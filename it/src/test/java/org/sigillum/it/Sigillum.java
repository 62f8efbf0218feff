package org.sigillum.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The running server under test, as a client application sees it. bin/sigillum test starts the server and
 * passes its coordinates in SIGILLUM_IT_* variables; a missing one fails the test, it never skips.
 */
final class Sigillum {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, java.util.Map<String, java.util.List<String>> headers) {

        Reply(int status, String body) {
            this(status, body, java.util.Map.of());
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON: " + body, e);
            }
        }
    }

    private Sigillum() {
    }

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the integration tests through bin/sigillum test");
        }
        return value;
    }

    static String url(String path) {
        return env("SIGILLUM_IT_URL") + path;
    }

    private static volatile String operatorToken;

    /** An admin-scope token of the bootstrap client, obtained once with client_credentials. */
    static String operatorToken() {
        String token = operatorToken;
        if (token == null) {
            token = clientCredentialsToken(env("SIGILLUM_IT_BOOTSTRAP_CLIENT_ID"), env("SIGILLUM_IT_BOOTSTRAP_CLIENT_SECRET"));
            operatorToken = token;
        }
        return token;
    }

    static String clientCredentialsToken(String clientId, String secret) {
        Reply reply = form("/csc/v2/oauth2/token", basic(clientId, secret), "grant_type=client_credentials&scope=admin");
        if (reply.status() != 200) {
            throw new AssertionError("client_credentials failed: " + reply);
        }
        return reply.json().get("access_token").asText();
    }

    static String basic(String clientId, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((urlEncode(clientId) + ":" + urlEncode(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A form-encoded POST, with an Authorization header value when given (OAuth 2.0 endpoints). */
    static Reply form(String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static Reply post(String path, String contentType, String body, String bearer) {
        return postTo(env("SIGILLUM_IT_URL"), path, contentType, body, bearer);
    }

    /** A POST to the server at {@code baseUrl}: one node of a cluster rather than the server under test. */
    static Reply postTo(String baseUrl, String path, String contentType, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static Reply postJson(String path, Object body) {
        return post(path, "application/json", write(body), null);
    }

    static Reply operatorPost(String path, Object body) {
        return post(path, "application/json", write(body), operatorToken());
    }

    static Reply operatorPut(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + operatorToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    static Reply get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + operatorToken()).DELETE().build());
    }

    /** Any method with a JSON body (null: none) under a bearer token. */
    static Reply send(String method, String path, Object body, String bearer) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, publisher);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** A GET that asks for a media type (Accept). */
    static Reply getAccepting(String path, String bearer, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).header("Accept", accept)
                .header("Authorization", "Bearer " + bearer).GET().build());
    }

    static Reply operatorGet(String path) {
        return get(path, operatorToken());
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Creates an account with a unique name and returns its ID. */
    static String createUser() {
        return createUser("it-" + UUID.randomUUID(), null, null);
    }

    /** Creates an account with a password and a PIN (either may be null) and returns its ID. */
    static String createUser(String username, String password, String pin) {
        ObjectNode body = object().put("username", username);
        if (password != null) {
            body.put("password", password);
        }
        if (pin != null) {
            body.put("pin", pin);
        }
        Reply reply = operatorPost("/api/v1/users", body);
        if (reply.status() != 201) {
            throw new AssertionError("user creation failed: " + reply);
        }
        return reply.json().get("id").asText();
    }

    /**
     * CSC auth/login with HTTP Basic credentials, retried as a client would while the server defers it because too
     * many passwords are being verified at once (503, no attempt spent).
     */
    static Reply login(String username, String password, boolean rememberMe) {
        return whenNotBusy(() -> loginOnce(username, password, rememberMe));
    }

    /** The call's answer once the server's password and PIN verification is not too busy to take it. */
    static Reply whenNotBusy(java.util.function.Supplier<Reply> call) {
        Reply reply = call.get();
        for (int i = 0; i < 30 && reply.status() == 503 && reply.body().contains("too many authentications"); i++) {
            try {
                Thread.sleep(200 + java.util.concurrent.ThreadLocalRandom.current().nextInt(300));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
            reply = call.get();
        }
        return reply;
    }

    /** CSC auth/login with HTTP Basic credentials, once: a 503 is returned as it came. */
    static Reply loginOnce(String username, String password, boolean rememberMe) {
        String basic = java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url("/csc/v2/auth/login"))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("{\"rememberMe\":" + rememberMe + "}")).build());
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code baseUrl}'s readiness answers {@code status}; a node not answering at all is still waited for. */
    static boolean awaitReadiness(String baseUrl, int status, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == status) {
                    return true;
                }
            } catch (IOException e) {
                // not answering yet: keep waiting
            }
            Thread.sleep(250);
        }
        return false;
    }
}
