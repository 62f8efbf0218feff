package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The operator's side of federation in tests: providers, links and the level policy through the admin API. */
final class Federation {

    static final String PROVIDERS = "/api/v1/identity-providers";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Federation() {
    }

    static ObjectNode oidcProvider(String alias, String issuer, String clientId, String secret,
                                   Map<String, String> levelMapping) {
        ObjectNode body = Sigillum.object().put("alias", alias).put("kind", "OIDC").put("displayName", "IdP " + alias);
        body.putObject("settings").put("issuer", issuer).put("clientId", clientId);
        if (secret != null) {
            body.put("secret", secret);
        }
        ObjectNode mapping = body.putObject("levelMapping");
        levelMapping.forEach(mapping::put);
        return body;
    }

    static JsonNode register(ObjectNode provider) {
        Sigillum.Reply reply = Sigillum.operatorPost(PROVIDERS, provider);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    static String link(String userId, String alias, String subject) {
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users/" + userId + "/identities",
                Sigillum.object().put("provider", alias).put("subject", subject));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("id").asText();
    }

    /** Sets the global level policy and returns the one it replaced. */
    static JsonNode policy(String scal1, String scal2, String stepUp) {
        JsonNode before = Sigillum.operatorGet("/api/v1/level-policy").json();
        Sigillum.Reply reply = put("/api/v1/level-policy", Sigillum.object().put("scal1", scal1).put("scal2", scal2)
                .put("keyCreation", "low").put("stepUp", stepUp));
        assertEquals(200, reply.status(), reply.body());
        return before;
    }

    static void restore(JsonNode policy) {
        assertEquals(200, put("/api/v1/level-policy", policy).status());
    }

    static Sigillum.Reply put(String path, Object body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Sigillum.url(path)))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + Sigillum.operatorToken())
                    .PUT(HttpRequest.BodyPublishers.ofString(Sigillum.JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Sigillum.Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The audit records after {@code seq} of {@code event}. */
    static List<JsonNode> records(long seq, String event) {
        return AuditLog.recordsAfter(seq).stream().filter(r -> event.equals(r.get("event").asText())).toList();
    }
}
