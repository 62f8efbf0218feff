package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.junit.jupiter.api.Test;

/**
 * The EU trusted-list option, against lists this test writes, signs and serves on 127.0.0.1: a signature under a
 * CA that a trusted list names validates once the operator points the server at the LOTL and refreshes, and is
 * untrusted again when the list's signature is broken or the LOTL is signed by a key outside the configured
 * keystore; the operator view says why. Lists that cannot be fetched for a while stay in use. A LOTL pointer to a URL outside the allowed ones is never fetched. The
 * settings are system properties changed at run time through the management CLI and restored afterwards.
 */
class TrustedListsIT {

    private static final String PREFIX = "sigillum.trusted-lists.";
    private static final List<String> SETTINGS = List.of("enabled", "lotl-url", "keystore.path", "keystore.type",
            "keystore.password", "allowed-urls");
    private static final String KEYSTORE_PASSWORD = "lotl-keystore";

    @Test
    void aCaInATrustedListIsTrustedWhileTheListsVerify() throws Exception {
        OtherCa qtsp = OtherCa.create("Listed QTSP Root");
        byte[] cms = qtsp.cades("listed".getBytes(StandardCharsets.UTF_8), true);
        KeyPair lotlKeys = OtherCa.keys("RSA");
        X509CertificateHolder lotlSigner = OtherCa.selfSigned(new X500Name("CN=Test LOTL signer,O=Sigillum tests,C=EU"),
                lotlKeys, false);
        KeyPair tlKeys = OtherCa.keys("RSA");
        X509CertificateHolder tlSigner = OtherCa.selfSigned(new X500Name("CN=Test TL signer,O=Sigillum tests,C=XX"),
                tlKeys, false);
        KeyPair strangerKeys = OtherCa.keys("RSA");
        X509CertificateHolder stranger = OtherCa.selfSigned(new X500Name("CN=Not the LOTL signer,O=Elsewhere,C=EU"),
                strangerKeys, false);

        assertFalse(Sigillum.operatorGet("/api/v1/trusted-lists").json().get("enabled").asBoolean(), "off by default");
        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms), "no list names the CA yet");

        int port = Integer.parseInt(Sigillum.env("SIGILLUM_IT_TRUSTED_LISTS_PORT"));
        String base = "http://127.0.0.1:" + port;
        String lotlUrl = base + "/tl/lotl.xml";
        String tlUrl = base + "/tl/xx.xml";
        List<TrustedListXml.Pointer> pointers = List.of(new TrustedListXml.Pointer("XX", tlUrl, tlSigner),
                new TrustedListXml.Pointer("YY", base + "/forbidden/yy.xml", tlSigner));
        byte[] lotl = TrustedListXml.sign(TrustedListXml.lotl(1, pointers), lotlKeys, lotlSigner);
        byte[] tl = TrustedListXml.sign(TrustedListXml.tl(7, "XX", "Listed QTSP", qtsp.root), tlKeys, tlSigner);
        Map<String, String> saved = ManagementCli.systemProperties(SETTINGS.stream().map(key -> PREFIX + key).toList());
        try (ListServer lists = new ListServer(port)) {
            lists.serve("/tl/lotl.xml", lotl);
            lists.serve("/tl/xx.xml", tl);
            lists.serve("/forbidden/yy.xml", tl);
            configure(Map.of("enabled", "true", "lotl-url", lotlUrl, "keystore.path", keystore(lotlSigner).toString(),
                    "keystore.type", "PKCS12", "keystore.password", KEYSTORE_PASSWORD, "allowed-urls", base + "/tl/"));

            JsonNode view = refresh();
            assertTrue(view.get("enabled").asBoolean(), view.toString());
            assertEquals(lotlUrl, view.get("lotlUrl").asText());
            assertEquals("succeeded", view.get("lastRefreshResult").asText(), view.toString());
            JsonNode lotlView = list(view, lotlUrl);
            assertEquals("LOTL", lotlView.get("kind").asText());
            assertTrue(lotlView.get("wellSigned").asBoolean(), lotlView.toString());
            JsonNode xx = list(view, tlUrl);
            assertEquals("XX", xx.get("country").asText());
            assertEquals(7, xx.get("sequenceNumber").asInt());
            assertTrue(xx.hasNonNull("nextUpdate"), xx.toString());
            assertEquals("TOTAL_PASSED", xx.get("indication").asText(), xx.toString());
            assertTrue(xx.get("wellSigned").asBoolean());
            assertEquals(1, xx.get("trustServices").asInt());
            assertTrue(xx.get("used").asBoolean(), xx.toString());
            JsonNode yy = list(view, base + "/forbidden/yy.xml");
            assertFalse(yy.get("used").asBoolean());
            assertTrue(yy.get("error").asText().contains("not allowed"), yy.toString());
            assertEquals(0, lists.hits("/forbidden/"), "a URL outside the allowed ones is never fetched");
            assertEquals("TOTAL_PASSED", indication(cms), "a CA/QC service of a verified list is a trust anchor");

            lists.withdraw("/tl/lotl.xml");
            lists.withdraw("/tl/xx.xml");
            view = refresh();
            assertEquals("failed", view.get("lastRefreshResult").asText(), view.toString());
            assertTrue(list(view, lotlUrl).hasNonNull("error"), view.toString());
            assertTrue(list(view, tlUrl).get("used").asBoolean(), "a list that cannot be fetched now stays in use");
            assertEquals("TOTAL_PASSED", indication(cms), "the last good lists are kept");
            lists.serve("/tl/lotl.xml", lotl);

            lists.serve("/tl/xx.xml", new String(tl, StandardCharsets.UTF_8).replace("Listed QTSP", "Forged QTSP")
                    .getBytes(StandardCharsets.UTF_8));
            xx = list(refresh(), tlUrl);
            assertEquals("TOTAL_FAILED", xx.get("indication").asText(), xx.toString());
            assertFalse(xx.get("wellSigned").asBoolean());
            assertFalse(xx.get("used").asBoolean());
            assertEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms), "a list whose signature breaks is not used");

            lists.serve("/tl/xx.xml", tl);
            assertTrue(list(refresh(), tlUrl).get("used").asBoolean(), "the list is used again once it verifies");
            assertEquals("TOTAL_PASSED", indication(cms));

            lists.serve("/tl/lotl.xml", TrustedListXml.sign(TrustedListXml.lotl(2, pointers), strangerKeys, stranger));
            view = refresh();
            assertEquals(0, view.get("trustedCertificates").asInt(), view.toString());
            assertEquals("failed", view.get("lastRefreshResult").asText(), view.toString());
            assertTrue(view.get("lastRefreshError").asText().contains("does not validate against the configured keystore"),
                    view.toString());
            assertFalse(list(view, lotlUrl).get("wellSigned").asBoolean());
            assertFalse(list(view, tlUrl).get("used").asBoolean(), "the lists of an unverified LOTL are not used");
            assertEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms));
            assertEquals(0, lists.hits("/forbidden/"));
        } finally {
            ManagementCli.setSystemProperties(saved);
            refresh();
        }
        JsonNode off = Sigillum.operatorGet("/api/v1/trusted-lists").json();
        assertFalse(off.get("enabled").asBoolean(), off.toString());
        assertEquals(0, off.get("trustedCertificates").asInt());
        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms));
    }

    @Test
    void c12OnlyOperatorsSeeAndRefreshTheLists() {
        ApiErrors.assertError(Sigillum.get("/api/v1/trusted-lists", null), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.post("/api/v1/trusted-lists/refresh", "application/json", "{}", null), 401,
                "invalid_token");
    }

    private static JsonNode refresh() {
        Sigillum.Reply reply = Sigillum.post("/api/v1/trusted-lists/refresh", "application/json", "{}",
                Sigillum.operatorToken());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static void configure(Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        settings.forEach((key, value) -> properties.put(PREFIX + key, value));
        ManagementCli.setSystemProperties(properties);
    }

    private static JsonNode list(JsonNode view, String url) {
        for (JsonNode list : view.get("lists")) {
            if (url.equals(list.get("url").asText())) {
                return list;
            }
        }
        throw new AssertionError("no list " + url + " in " + view);
    }

    /** The PKCS#12 keystore of the certificates allowed to sign the LOTL: what the operator takes from the OJ. */
    private static Path keystore(X509CertificateHolder lotlSigner) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("lotl-signer", new JcaX509CertificateConverter().getCertificate(lotlSigner));
        Path file = Files.createTempDirectory("sigillum-lotl").resolve("oj-keystore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, KEYSTORE_PASSWORD.toCharArray());
        }
        return file;
    }

    private static String indication(byte[] signed) {
        return SignatureValidationIT.validate(signed, null).get("signatures").get(0).get("indication").asText();
    }

    private static String subIndication(byte[] signed) {
        return SignatureValidationIT.validate(signed, null).get("signatures").get(0).path("subIndication").asText();
    }

    /** Serves the lists at fixed paths on 127.0.0.1 and counts the requests under each first path segment. */
    private static final class ListServer implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

        ListServer(int port) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                hits.computeIfAbsent(path.substring(0, path.indexOf('/', 1) + 1), k -> new AtomicInteger()).incrementAndGet();
                byte[] body = documents.get(path);
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.etsi.tsl+xml");
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
        }

        void serve(String path, byte[] document) {
            documents.put(path, document);
        }

        void withdraw(String path) {
            documents.remove(path);
        }

        int hits(String prefix) {
            AtomicInteger count = hits.get(prefix);
            return count == null ? 0 : count.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
