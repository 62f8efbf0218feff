package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 7, checklist A11 on every node: revoking or deleting a credential through one node evicts its
 * unwrapped key from the key cache of every node, not only of the node that handled the call. Each node's cache is
 * read through its own operator diagnostics (keyCache figures of /api/v1/diagnostics/hsm/status): the key is
 * cached on node 2 by a signature there, the credential is revoked (or deleted) through node 1, and node 2 must
 * have evicted it by the time the call returns.
 */
@Tag("cluster")
class KeyCacheEvictionClusterIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String CACHED_EC_P256 = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\",\"keyCacheSeconds\":600}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static List<String> nodes;

    @BeforeAll
    static void cluster() {
        nodes = Cluster.nodeUrls();
        assertTrue(nodes.size() >= 2, "at least two nodes");
        assertEquals(Sigillum.env("SIGILLUM_IT_URL"), nodes.get(0), "revocations and deletions go to node 1");
    }

    @Test
    void a11RevocationThroughOneNodeEvictsTheCachedKeyOnEveryNode() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential(CACHED_EC_P256).get("credentialID").asText();
        long[] before = cachedOnEveryNode(signer, id);
        Sigillum.Reply revoked = Sigillum.operatorPost("/api/v1/users/" + signer.userId + "/credentials/" + id + "/revoke",
                Sigillum.object().put("reason", "keyCompromise"));
        assertEquals(200, revoked.status(), revoked.body());
        assertEvictedOnEveryNode(before, "revocation");
    }

    @Test
    void a11DeletionThroughOneNodeEvictsTheCachedKeyOnEveryNode() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential(CACHED_EC_P256).get("credentialID").asText();
        long[] before = cachedOnEveryNode(signer, id);
        Sigillum.Reply deleted = Sigillum.delete("/api/v1/users/" + signer.userId + "/credentials/" + id);
        assertTrue(deleted.status() / 100 == 2, deleted.status() + " " + deleted.body());
        assertEvictedOnEveryNode(before, "deletion");
    }

    /**
     * Signs once on each node, so that each caches the key, and returns each node's key-cache evictions so far; a
     * second signature on each node must be a cache hit, which proves the key is cached there.
     */
    private static long[] cachedOnEveryNode(CscClient signer, String id) throws Exception {
        long[] evictions = new long[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            signOn(signer, id, nodes.get(n));
            long hits = keyCache(nodes.get(n)).get("hits").asLong();
            signOn(signer, id, nodes.get(n));
            JsonNode cache = keyCache(nodes.get(n));
            assertTrue(cache.get("hits").asLong() > hits, "node " + (n + 1) + " signs from its cached key: " + cache);
            evictions[n] = cache.get("evictions").asLong();
        }
        return evictions;
    }

    private static void assertEvictedOnEveryNode(long[] before, String what) throws Exception {
        for (int n = 0; n < nodes.size(); n++) {
            JsonNode cache = keyCache(nodes.get(n));
            assertTrue(cache.get("evictions").asLong() > before[n],
                    "the " + what + " through node 1 evicted the key on node " + (n + 1) + " before it answered: " + cache);
        }
    }

    private static void signOn(CscClient signer, String id, String node) throws Exception {
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        String sad = signer.sad(id, hashes, CscClient.SHA256);
        Sigillum.Reply signed = signer.signHashAt(node, id, sad, hashes, CscClient.SHA256, ECDSA_SHA256);
        assertEquals(200, signed.status(), node + ": " + signed.body());
    }

    /** The key-cache figures of one node, from its own operator diagnostics. */
    private static JsonNode keyCache(String node) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node + "/api/v1/diagnostics/hsm/status"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + Sigillum.operatorToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), node + ": " + response.body());
        return Sigillum.JSON.readTree(response.body()).get("keyCache");
    }
}
