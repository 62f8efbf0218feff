package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Checklist F1, F3 and A8, and an OAuth login whose steps run on three different nodes, against a cluster of real WildFly processes, started by {@code bin/sigillum test --cluster}
 * (tag "cluster", excluded from the default run): the SAD lives in the replicated cache, so a node that did not
 * issue it can spend it, once. SIGILLUM_IT_URL is node 1; SIGILLUM_IT_NODE_URLS and SIGILLUM_IT_NODE_PIDS list
 * every node in order. The node kill comes last: the A8 test needs both nodes. Two nodes are enough: after a
 * SIGKILL, node 2 alone keeps its caches writable, and the single-use ledger in the shared database keeps a SAD
 * from being spent twice (see docs/ha.md).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final int A8_ROUNDS = 20;

    private static List<String> nodes;
    private static List<Long> pids;

    @BeforeAll
    static void cluster() {
        nodes = List.of(Sigillum.env("SIGILLUM_IT_NODE_URLS").split(","));
        pids = Arrays.stream(Sigillum.env("SIGILLUM_IT_NODE_PIDS").split(",")).map(Long::valueOf).toList();
        assertTrue(nodes.size() >= 2 && nodes.size() == pids.size(), "at least two nodes, each with its PID");
        assertEquals(Sigillum.env("SIGILLUM_IT_URL"), nodes.get(0), "the account and SAD are made on node 1");
    }

    @Test
    @Order(1)
    void a8OneSadSentToBothNodesAtOnceYieldsExactlyOneSignature() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < A8_ROUNDS; round++) {
                List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
                String sad = signer.sad(id, hashes, CscClient.SHA256);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Sigillum.Reply>> attempts = nodes.subList(0, 2).stream()
                        .map(node -> executor.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            return signer.signHashAt(node, id, sad, hashes, CscClient.SHA256, ECDSA_SHA256);
                        })).toList();
                int signed = 0;
                for (Future<Sigillum.Reply> attempt : attempts) {
                    Sigillum.Reply reply = attempt.get(120, TimeUnit.SECONDS);
                    if (reply.status() == 200) {
                        signed++;
                    } else {
                        ApiErrors.assertError(reply, 400, "invalid_request");
                    }
                }
                assertEquals(1, signed, "round " + round + ": one SAD, two nodes, one signature");
            }
        } finally {
            executor.shutdownNow();
        }
        System.out.println("RESULT cluster.a8 rounds=" + A8_ROUNDS + " signatures-per-sad=1");
    }

    @Test
    @Order(2)
    void oauthLoginBegunOnOneNodeFinishesOnTheOthers() throws Exception {
        String name = "cluster-" + java.util.UUID.randomUUID();
        Sigillum.createUser(name, CscClient.PASSWORD, CscClient.PIN);
        OAuthApp app = OAuthApp.register("service");
        String verifier = OAuthApp.newVerifier();
        Browser browser = new Browser();
        Sigillum.Reply login = browser.open(nodes.get(0) + app.authorizeQuery(verifier, java.util.Map.of("scope", "service")));
        assertEquals(200, login.status(), login.body());
        Sigillum.Reply consent = browser.submit(nodes.get(1) + OAuthApp.AUTHORIZE + "/login",
                java.util.Map.of("username", name, "password", CscClient.PASSWORD));
        assertEquals(200, consent.status(), "the login step runs on node 2: " + consent.body());
        Sigillum.Reply redirect = browser.submit(nodes.get(2 % nodes.size()) + OAuthApp.AUTHORIZE + "/consent",
                java.util.Map.of("decision", "approve"));
        assertEquals(303, redirect.status(), "the consent step runs on a third node, or back on node 1 of two: " + redirect.body());
        String code = OAuthApp.params(redirect.header("Location")).get("code");
        Sigillum.Reply tokens = Sigillum.form(OAuthApp.TOKEN, app.basic(), "grant_type=authorization_code&code=" + Sigillum.urlEncode(code) + "&redirect_uri="
                        + Sigillum.urlEncode(app.redirectUri) + "&code_verifier=" + verifier);
        assertEquals(200, tokens.status(), "the code is redeemed on node 1 (SIGILLUM_IT_URL): " + tokens.body());
    }

    @Test
    @Order(3)
    void f3TheSharedTokenGoneEveryNodeAnswers503AndAllRecoverByThemselves() throws Exception {
        java.nio.file.Path tokens = java.nio.file.Path.of(Sigillum.env("SIGILLUM_IT_TOKEN_DIR"));
        java.nio.file.Path token;
        try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(tokens)) {
            token = entries.filter(java.nio.file.Files::isDirectory).findFirst().orElseThrow();
        }
        java.nio.file.Path parked = tokens.resolveSibling("parked-" + token.getFileName());
        for (String node : nodes) {
            assertEquals(200, diagnosticSign(node).status(), "baseline on " + node);
        }
        try {
            java.nio.file.Files.move(token, parked);
            for (String node : nodes) {
                assertTrue(Sigillum.awaitReadiness(node, 503, 30), node + " must report the HSM gone");
                Sigillum.Reply refused = diagnosticSign(node);
                assertEquals(503, refused.status(), node + ": " + refused.body());
                assertEquals("temporarily_unavailable", refused.json().path("error").asText());
            }
        } finally {
            if (java.nio.file.Files.exists(parked)) {
                java.nio.file.Files.move(parked, token);
            }
        }
        for (String node : nodes) {
            assertTrue(Sigillum.awaitReadiness(node, 200, 60), node + " must recover without a restart");
            assertEquals(200, diagnosticSign(node).status(), "after recovery on " + node);
        }
        System.out.println("RESULT cluster.f3 nodes=" + nodes.size() + " outage=503 recovered=true");
    }

    private static Sigillum.Reply diagnosticSign(String node) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode request = Sigillum.object().put("keyAlgo", "EC").put("curve", "P-256")
                .put("signAlgo", ECDSA_SHA256);
        request.withArray("hashes").add(java.util.Base64.getEncoder().encodeToString(Signatures.sha256(Signatures.randomData())));
        return Sigillum.postTo(node, "/api/v1/diagnostics/hsm/sign", "application/json", request.toString(),
                Sigillum.operatorToken());
    }

    @Test
    @Order(4)
    void f1SadAuthorizedOnNode1SignsOnNode2AfterNode1IsKilled() throws Exception {
        CscClient signer = CscClient.newSigner();
        JsonNode credential = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        String id = credential.get("credentialID").asText();
        byte[] data = Signatures.randomData();
        List<byte[]> hashes = List.of(Signatures.sha256(data));
        String sad = signer.sad(id, hashes, CscClient.SHA256);

        killWithSigkill(pids.get(0));

        Sigillum.Reply reply = signer.signHashAt(nodes.get(1), id, sad, hashes, CscClient.SHA256, ECDSA_SHA256);
        assertEquals(200, reply.status(), reply.body());
        PublicKey key = Signatures.publicKey(credential.get("publicKey").asText());
        assertTrue(Signatures.verify(key, ECDSA_SHA256, data, reply.json().get("signatures").get(0).asText()),
                "the signature made on node 2 verifies under the credential's key");
        ApiErrors.assertError(signer.signHashAt(nodes.get(1), id, sad, hashes, CscClient.SHA256, ECDSA_SHA256), 400,
                "invalid_request");
        System.out.println("RESULT cluster.f1 node1=killed signHash-on-node2=200 verified=true");
    }

    /** SIGKILL to the node's process and everything under it (standalone.sh and its JVM), as a crash would. */
    private static void killWithSigkill(long pid) throws InterruptedException {
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node 1 is not running: " + pid));
        List<ProcessHandle> tree = java.util.stream.Stream.concat(node.descendants(), java.util.stream.Stream.of(node))
                .toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
        assertFalse(node.isAlive(), "node 1 is gone");
    }
}
