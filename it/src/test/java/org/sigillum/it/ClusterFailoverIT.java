package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Checklist F1 to F5 and A8, and an OAuth login whose steps run on different nodes, against a cluster of real WildFly
 * processes started by {@code bin/sigillum test} after the other ITs, or {@code --cluster} alone (tag "cluster"): the SAD
 * lives in the replicated cache, so a node that did not issue it can spend it, once. SIGILLUM_IT_URL is node 1;
 * {@link Cluster} knows every node and causes the faults. The tests that kill nodes come last: F1 kills node 1, F5
 * the rest and starts them all again. Two nodes are enough: after a SIGKILL, node 2 alone keeps its caches
 * writable, and the single-use ledger in the shared database keeps a SAD from being spent twice, on one node, on
 * two, or on both sides of a split (see docs/ha.md).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC_P256 = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final int A8_ROUNDS = 20;
    /** SADs issued before the cut, each sent to both sides at once during the split and again after the heal. */
    private static final int F2_SADS = 12;
    /** Of those, sent while the link is cut but the nodes have not yet noticed (FD_ALL3 timeout, 40 s by default). */
    private static final int F2_ROUNDS_BEFORE_VIEWS_SPLIT = 4;
    /** The longest a node may take to notice a cut, or a heal, and install its new view (JGroups defaults: FD_ALL3
     * 40 s, VERIFY_SUSPECT2 2 s; MERGE3 looks for other partitions every 10 to 30 s). */
    private static final int F2_VIEW_SECONDS = 150;
    private static final int F4_WORKERS = 3;
    private static final int F4_DOWN_SECONDS = 5;
    /** The longest any call may take during the database faults: they must fail, not hang. */
    private static final Duration F4_CALL_BOUND = Duration.ofSeconds(30);

    private static List<String> nodes;
    private static List<Long> pids;

    @BeforeAll
    static void cluster() {
        nodes = Cluster.nodeUrls();
        pids = Cluster.nodePids();
        assertTrue(nodes.size() >= 2 && nodes.size() == pids.size(), "at least two nodes, each with its PID");
        assertEquals(Sigillum.env("SIGILLUM_IT_URL"), nodes.get(0), "the account and SAD are made on node 1");
    }

    /**
     * E5 and issue 12: signatures on two nodes at once go to chains of the node that made them (no cluster-wide head
     * to wait for), and the chains of both nodes, anchored from either node, verify together with zero errors.
     */
    @Test
    @Order(0)
    void e5TwoNodesAppendToChainsOfTheirOwnAndTheWholeLogVerifies() throws Exception {
        long head = AuditLog.head();
        int workers = 4;
        int each = 5;
        List<CscClient> signers = new ArrayList<>();
        List<String> credentials = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            CscClient signer = CscClient.newSigner();
            signers.add(signer);
            credentials.add(signer.newCredential(EC_P256).get("credentialID").asText());
        }
        ExecutorService executor = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                CscClient signer = signers.get(w);
                String id = credentials.get(w);
                String node = nodes.get(w % 2);
                runs.add(executor.submit(() -> {
                    int signed = 0;
                    for (int i = 0; i < each; i++) {
                        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
                        String sad = signer.sad(id, hashes, CscClient.SHA256);
                        Sigillum.Reply reply = signer.signHashAt(node, id, sad, hashes, CscClient.SHA256, ECDSA_SHA256);
                        assertEquals(200, reply.status(), node + ": " + reply.body());
                        signed++;
                    }
                    return signed;
                }));
            }
            for (Future<Integer> run : runs) {
                assertEquals(each, run.get(300, TimeUnit.SECONDS));
            }
        } finally {
            executor.shutdownNow();
        }
        Set<String> writers = AuditLog.recordsAfter(head).stream()
                .filter(r -> "SIGNED".equals(r.get("event").asText()))
                .map(r -> r.get("chainId").asText())
                .map(chain -> chain.substring(0, chain.lastIndexOf('/')))
                .collect(Collectors.toSet());
        assertEquals(2, writers.size(), "SIGNED records on chains of both nodes: " + writers);
        Sigillum.Reply anchor = Sigillum.postTo(nodes.get(1), "/api/v1/audit/anchors", "application/json", "{}",
                Sigillum.operatorToken());
        assertEquals(200, anchor.status(), anchor.body());
        AuditLog.assertIntact();
        JsonNode verification = AuditLog.verification();
        assertTrue(verification.get("chains").asInt() >= 2 * 4 + 1, "the legacy chain and four per node: " + verification);
        System.out.println("RESULT cluster.e5 signatures=" + workers * each + " writers=" + writers + " chains="
                + verification.get("chains") + " anchors=" + verification.get("anchors"));
    }

    @Test
    @Order(1)
    void a8OneSadSentToBothNodesAtOnceYieldsExactlyOneSignature() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential(EC_P256).get("credentialID").asText();
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

    /** A11 across nodes: SADs issued on node 1, the credential revoked through node 2, no node signs with them. */
    @Test
    @Order(1)
    void a11ACredentialRevokedOnOneNodeSignsOnNoNodeWithSadsIssuedBefore() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential(EC_P256).get("credentialID").asText();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        List<String> sads = new ArrayList<>();
        for (int i = 0; i < nodes.size() + 1; i++) {
            sads.add(signer.sad(id, hashes, CscClient.SHA256));
        }
        Sigillum.Reply revoked = Sigillum.postTo(nodes.get(1), "/api/v1/users/" + signer.userId + "/credentials/" + id
                + "/revoke", "application/json", "{}", Sigillum.operatorToken());
        assertEquals(200, revoked.status(), revoked.body());
        for (int n = 0; n < nodes.size(); n++) {
            com.fasterxml.jackson.databind.node.ObjectNode body = Sigillum.object().put("credentialID", id)
                    .put("SAD", sads.get(n));
            body.withArray("documentDigests").addObject().put("hashAlgorithmOID", CscClient.SHA256)
                    .put("signature_format", "C").put("conformance_level", "Ades-B-B").put("signAlgo", ECDSA_SHA256)
                    .withArray("hashes").add(Base64.getEncoder().encodeToString(hashes.get(0)));
            ApiErrors.assertError(Sigillum.postTo(nodes.get(n), "/csc/v2/signatures/signDoc", "application/json",
                    body.toString(), signer.token), 400, "invalid_request", "A11");
        }
        ApiErrors.assertError(Sigillum.postTo(nodes.get(0), "/csc/v2/credentials/extendTransaction", "application/json",
                Sigillum.object().put("credentialID", id).put("SAD", sads.get(nodes.size())).toString(), signer.token),
                400, "invalid_request", "A11");
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

    /**
     * F2: node 1 is cut off from the other nodes while every node keeps running. The cut drops, in both directions,
     * every TCP segment between node 1's JGroups address and the others' (each node's JGroups sockets, listening and
     * connecting, are bound to a loopback address of its own; see bin/lib/cluster.sh), so the two sides' cluster
     * members cannot exchange a byte while clients, PostgreSQL and the token still reach all of them: what a failed
     * switch or a firewall between two racks does, and unlike a killed or frozen process (F1), both sides go on
     * serving clients and believe the other gone. SADs issued before the cut are sent to node 1 and node 2 at the
     * same moment, some before the nodes notice the cut, the rest once each side has installed a view of its own (which
     * proves the cut real), and each SAD once more to both after the heal: at most one signature per SAD. Both sides
     * keep serving during the split, each authorizing and spending a fresh SAD of its own: the caches stay writable
     * on a split, and the single-use ledger in PostgreSQL, which both sides reach, decides every spend. After the
     * heal the views merge and every node serves again.
     */
    @Test
    @Order(4)
    void f2ASplitNeverSpendsASadOnBothSidesAndTheClusterMergesAfterwards() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential(EC_P256).get("credentialID").asText();
        List<Integer> all = IntStream.rangeClosed(1, nodes.size()).boxed().toList();
        List<Integer> others = all.subList(1, all.size());
        assertTrue(Cluster.awaitViews(all, Cluster.memberNames(all), 60), "every node sees the whole cluster first");
        List<List<byte[]>> hashes = new ArrayList<>();
        List<String> sads = new ArrayList<>();
        for (int i = 0; i < F2_SADS; i++) {
            hashes.add(List.of(Signatures.sha256(Signatures.randomData())));
            sads.add(signer.sad(id, hashes.get(i), CscClient.SHA256));
        }
        int[] signatures = new int[F2_SADS];
        int[] signedBySide = new int[2];
        String[] trail = new String[F2_SADS];
        Outcome node1Serves;
        Outcome node2Serves;
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            try {
                Cluster.cut(1);
                for (int sad = 0; sad < F2_SADS; sad++) {
                    if (sad == F2_ROUNDS_BEFORE_VIEWS_SPLIT) {
                        assertTrue(Cluster.awaitViews(List.of(1), Cluster.memberNames(List.of(1)), F2_VIEW_SECONDS),
                                "node 1 sees itself alone: the cut is real");
                        assertTrue(Cluster.awaitViews(others, Cluster.memberNames(others), F2_VIEW_SECONDS),
                                "the other nodes see each other without node 1");
                    }
                    List<Sigillum.Reply> replies = spendOnNodes1And2(signer, id, sads.get(sad), hashes.get(sad), executor);
                    trail[sad] = "split " + statuses(replies);
                    for (int side = 0; side < 2; side++) {
                        if (replies.get(side).status() == 200) {
                            signatures[sad]++;
                            signedBySide[side]++;
                        }
                    }
                }
                node1Serves = authorizeAndSign(signer, id, nodes.get(0));
                node2Serves = authorizeAndSign(signer, id, nodes.get(1));
            } finally {
                Cluster.heal();
            }
            assertTrue(Cluster.awaitViews(all, Cluster.memberNames(all), F2_VIEW_SECONDS), "the sides merge into one view");
            for (int sad = 0; sad < F2_SADS; sad++) {
                List<Sigillum.Reply> replies = spendOnNodes1And2(signer, id, sads.get(sad), hashes.get(sad), executor);
                trail[sad] += ", healed " + statuses(replies);
                signatures[sad] += (int) replies.stream().filter(reply -> reply.status() == 200).count();
            }
        } finally {
            executor.shutdownNow();
        }
        for (int sad = 0; sad < F2_SADS; sad++) {
            assertTrue(signatures[sad] <= 1, "SAD " + sad + " was spent " + signatures[sad] + " times across the split ("
                    + trail[sad] + ")");
        }
        assertTrue(node1Serves.served() && node2Serves.served(), "both sides serve during the split: node 1 "
                + node1Serves + ", node 2 " + node2Serves);
        for (String node : nodes) {
            assertTrue(servesWithin(signer, id, node, 120), node + " serves again after the merge");
        }
        System.out.println("RESULT cluster.f2 sads=" + F2_SADS + " max-signatures-per-sad="
                + Arrays.stream(signatures).max().orElse(0) + " signed-during-split node1=" + signedBySide[0] + " node2="
                + signedBySide[1] + " fresh-sad-during-split node1=" + node1Serves + " node2=" + node2Serves
                + " merged=true");
    }

    /** One SAD sent to node 1 and node 2 at the same moment; each answer is a signature or an error of the API. */
    private static List<Sigillum.Reply> spendOnNodes1And2(CscClient signer, String id, String sad, List<byte[]> hashes,
                                                         ExecutorService executor) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Sigillum.Reply>> attempts = nodes.subList(0, 2).stream().map(node -> executor.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return signer.signHashAt(node, id, sad, hashes, CscClient.SHA256, ECDSA_SHA256);
        })).toList();
        List<Sigillum.Reply> replies = new ArrayList<>();
        for (Future<Sigillum.Reply> attempt : attempts) {
            Sigillum.Reply reply = attempt.get(150, TimeUnit.SECONDS);
            if (reply.status() != 200) {
                ApiErrors.assertCleanError(reply);
            }
            replies.add(reply);
        }
        return replies;
    }

    /** The statuses node 1 and node 2 answered, as "node1=200 node2=400". */
    private static String statuses(List<Sigillum.Reply> replies) {
        return "node1=" + replies.get(0).status() + " node2=" + replies.get(1).status();
    }

    /** A fresh SAD authorized on {@code node} and spent there: 200 when that node serves, else the failed step's status. */
    private static Outcome authorizeAndSign(CscClient signer, String id, String node) throws Exception {
        byte[] data = Signatures.randomData();
        List<byte[]> hashes = List.of(Signatures.sha256(data));
        Sigillum.Reply authorized = signer.authorizeAt(node, id, hashes, CscClient.SHA256);
        if (authorized.status() != 200) {
            ApiErrors.assertCleanError(authorized);
            return new Outcome("authorize", authorized.status());
        }
        Sigillum.Reply signed = signer.signHashAt(node, id, authorized.json().get("SAD").asText(), hashes,
                CscClient.SHA256, ECDSA_SHA256);
        if (signed.status() != 200) {
            ApiErrors.assertCleanError(signed);
        }
        return new Outcome("signHash", signed.status());
    }

    private record Outcome(String step, int status) {
        boolean served() {
            return status == 200;
        }

        @Override
        public String toString() {
            return served() ? "serves" : step + "-" + status;
        }
    }

    private static boolean servesWithin(CscClient signer, String id, String node, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!authorizeAndSign(signer, id, node).served()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1000);
        }
        return true;
    }

    /**
     * F4: under a signing load through the balancer, every session of the Sigillum database is ended
     * (pg_terminate_backend), then PostgreSQL is stopped in immediate mode and started again a few seconds later. Every
     * call ends within a bound with its result or an error of the API (a node's, or the balancer's while no node is
     * ready); the nodes recover by themselves (same processes, ready, signing again) and the audit chain is intact.
     * Reconciled call by call (see {@link SigningLoad}): every signature a client received has exactly one SIGNED
     * record; every SIGNED record belongs to exactly one signHash call; a call refused before signing (4xx or 503) has
     * none. Not provable from outside is the fate of a call that failed at or after the commit of its transaction (a
     * node's 500 when the commit broke off, the balancer's 502 or 504): PostgreSQL may have committed the record before
     * the connection died, and the client never got the signature. Such a call may have one record; they are counted.
     */
    @Test
    @Order(5)
    void f4DatabaseSessionsKilledAndPostgresRestartedUnderLoadFailCleanlyAndReconcile() throws Exception {
        long head = AuditLog.head();
        SigningLoad load = SigningLoad.start(Cluster.balancerUrl(), ECDSA_SHA256, F4_WORKERS);
        int ended;
        Instant recovered;
        List<SigningLoad.Call> calls;
        try {
            Thread.sleep(5000);
            ended = Cluster.terminateDatabaseSessions();
            Thread.sleep(5000);
            Cluster.restartDatabase(F4_DOWN_SECONDS);
            for (String node : nodes) {
                assertTrue(Sigillum.awaitReadiness(node, 200, 120), node + " is ready again without a restart");
            }
            recovered = Instant.now();
            Thread.sleep(5000);
        } finally {
            calls = load.stop();
        }
        for (long pid : pids) {
            assertTrue(Cluster.isAlive(pid), "node process " + pid + " was not restarted");
        }
        assertTrue(ended > 0, "database sessions ended: " + ended);

        Duration longest = Duration.ZERO;
        for (SigningLoad.Call call : calls) {
            assertNotNull(call.reply(), "every call is answered (by the balancer when no node can): " + call.describe());
            assertTrue(call.duration().compareTo(F4_CALL_BOUND) <= 0, "a call hung: " + call.describe());
            longest = call.duration().compareTo(longest) > 0 ? call.duration() : longest;
            if (!call.succeeded()) {
                ApiErrors.assertCleanError(call.reply());
            }
        }
        List<SigningLoad.Call> signs = calls.stream().filter(c -> c.kind() == SigningLoad.Kind.SIGN).toList();
        long failed = calls.stream().filter(c -> !c.succeeded()).count();
        assertTrue(failed > 0, "the outage reached the clients");
        assertTrue(signs.stream().anyMatch(c -> c.succeeded() && c.start().isAfter(recovered)),
                "signatures are returned again after the restart");
        signs.stream().filter(SigningLoad.Call::succeeded)
                .forEach(c -> assertTrue(c.verified(), "a returned signature verifies: " + c.describe()));

        Map<SigningLoad.Call, Integer> audited = new IdentityHashMap<>();
        Map<String, List<SigningLoad.Call>> signsByCredential = signs.stream()
                .collect(Collectors.groupingBy(SigningLoad.Call::credentialId));
        for (JsonNode record : AuditLog.recordsAfter(head)) {
            List<SigningLoad.Call> candidates = signsByCredential.get(record.path("credentialId").asText());
            if (candidates == null || !"SIGNED".equals(record.get("event").asText())
                    || !"SUCCESS".equals(record.get("outcome").asText())) {
                continue;
            }
            Instant at = Instant.parse(record.get("recordedAt").asText());
            List<SigningLoad.Call> owners = candidates.stream().filter(c -> c.spans(at)).toList();
            assertEquals(1, owners.size(), "SIGNED record " + record.get("seq") + " at " + at
                    + " belongs to exactly one signHash call: " + owners.stream().map(SigningLoad.Call::describe).toList());
            assertEquals(1, record.get("quantity").asInt(), record.toString());
            audited.merge(owners.get(0), 1, Integer::sum);
        }
        int inDoubtAudited = 0;
        for (SigningLoad.Call sign : signs) {
            int records = audited.getOrDefault(sign, 0);
            assertTrue(records <= 1, records + " SIGNED records for one call: " + sign.describe());
            if (sign.succeeded()) {
                assertEquals(1, records, "a returned signature has its audit record: " + sign.describe());
            } else if (records == 1) {
                assertTrue(Set.of(500, 502, 504).contains(sign.reply().status()),
                        "a call refused before signing has no SIGNED record: " + sign.describe());
                inDoubtAudited++;
            }
        }
        AuditLog.assertIntact();
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential(EC_P256).get("credentialID").asText();
        for (String node : nodes) {
            assertTrue(authorizeAndSign(signer, id, node).served(), node + " signs after the restart");
        }
        System.out.println("RESULT cluster.f4 calls=" + calls.size() + " signatures=" + audited.size() + " returned="
                + signs.stream().filter(SigningLoad.Call::succeeded).count() + " failed=" + failed
                + " failed-but-audited=" + inDoubtAudited + " sessions-ended=" + ended + " longest-call-ms="
                + longest.toMillis() + " statuses=" + calls.stream().collect(Collectors.groupingBy(
                        c -> c.reply().status(), java.util.TreeMap::new, Collectors.counting())));
    }

    @Test
    @Order(6)
    void f1SadAuthorizedOnNode1SignsOnNode2AfterNode1IsKilled() throws Exception {
        CscClient signer = CscClient.newSigner();
        JsonNode credential = signer.newCredential(EC_P256);
        String id = credential.get("credentialID").asText();
        byte[] data = Signatures.randomData();
        List<byte[]> hashes = List.of(Signatures.sha256(data));
        String sad = signer.sad(id, hashes, CscClient.SHA256);

        Cluster.killWithSigkill(pids.get(0));

        Sigillum.Reply reply = signer.signHashAt(nodes.get(1), id, sad, hashes, CscClient.SHA256, ECDSA_SHA256);
        assertEquals(200, reply.status(), reply.body());
        PublicKey key = Signatures.publicKey(credential.get("publicKey").asText());
        assertTrue(Signatures.verify(key, ECDSA_SHA256, data, reply.json().get("signatures").get(0).asText()),
                "the signature made on node 2 verifies under the credential's key");
        ApiErrors.assertError(signer.signHashAt(nodes.get(1), id, sad, hashes, CscClient.SHA256, ECDSA_SHA256), 400,
                "invalid_request");
        System.out.println("RESULT cluster.f1 node1=killed signHash-on-node2=200 verified=true");
    }

    /**
     * F5: every owner of the caches is lost. The cluster command first starts node 1 again (killed by F1), a SAD is
     * authorized on each node, and every node is SIGKILLed; then the cluster command starts them all again on the same
     * PostgreSQL and token. The outstanding SADs are refused on every node (the caches they lived in are gone and
     * nothing else knows them: fail closed), a signHash without a SAD or with a made-up one is refused, and the user,
     * whose service token lives in PostgreSQL, re-authorizes and signs.
     */
    @Test
    @Order(7)
    void f5AllCacheOwnersLostOutstandingSadsAreRefusedAndUsersReauthorize() throws Exception {
        Cluster.revive();
        List<Long> running = Cluster.currentPids();
        assertTrue(running.size() == nodes.size() && running.stream().allMatch(Cluster::isAlive), "every node runs: " + running);
        CscClient signer = CscClient.newSigner();
        JsonNode credential = signer.newCredential(EC_P256);
        String id = credential.get("credentialID").asText();
        List<List<byte[]>> hashes = new ArrayList<>();
        List<String> outstanding = new ArrayList<>();
        for (String node : nodes) {
            List<byte[]> these = List.of(Signatures.sha256(Signatures.randomData()));
            Sigillum.Reply authorized = signer.authorizeAt(node, id, these, CscClient.SHA256);
            assertEquals(200, authorized.status(), authorized.body());
            hashes.add(these);
            outstanding.add(authorized.json().get("SAD").asText());
        }

        running.forEach(Cluster::killWithSigkill);
        Cluster.revive();

        for (String node : nodes) {
            assertTrue(Sigillum.awaitReadiness(node, 200, 60), node + " is back");
        }
        for (int i = 0; i < outstanding.size(); i++) {
            for (String node : nodes) {
                ApiErrors.assertError(signer.signHashAt(node, id, outstanding.get(i), hashes.get(i), CscClient.SHA256,
                        ECDSA_SHA256), 400, "invalid_request");
            }
        }
        byte[] data = Signatures.randomData();
        List<byte[]> fresh = List.of(Signatures.sha256(data));
        ApiErrors.assertError(signer.signHashAt(nodes.get(1), id, null, fresh, CscClient.SHA256, ECDSA_SHA256), 400,
                "invalid_request");
        String madeUp = Base64.getUrlEncoder().withoutPadding().encodeToString(Signatures.randomData());
        ApiErrors.assertError(signer.signHashAt(nodes.get(nodes.size() - 1), id, madeUp, fresh, CscClient.SHA256,
                ECDSA_SHA256), 400, "invalid_request");
        Sigillum.Reply authorized = signer.authorizeAt(nodes.get(0), id, fresh, CscClient.SHA256);
        assertEquals(200, authorized.status(), "the user re-authorizes: " + authorized.body());
        Sigillum.Reply signed = signer.signHashAt(nodes.get(nodes.size() - 1), id, authorized.json().get("SAD").asText(),
                fresh, CscClient.SHA256, ECDSA_SHA256);
        assertEquals(200, signed.status(), signed.body());
        assertTrue(Signatures.verify(Signatures.publicKey(credential.get("publicKey").asText()), ECDSA_SHA256, data,
                signed.json().get("signatures").get(0).asText()), "the new SAD's signature verifies");
        System.out.println("RESULT cluster.f5 killed=" + running.size() + " revived=" + nodes.size() + " outstanding-sads="
                + outstanding.size() + " refused-on-every-node=true reauthorized=signs");
    }
}
