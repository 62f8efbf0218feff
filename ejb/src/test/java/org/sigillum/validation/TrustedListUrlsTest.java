package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The URLs a LOTL names are fetched only from the configured LOTL URL, an allowed prefix, or https to a public
 * host; and the loader never connects to the rest.
 */
class TrustedListUrlsTest {

    private static final String LOTL = "http://127.0.0.1:1/lotl.xml";

    @Test
    void onlyConfiguredUrlsAndPublicHttpsPass() {
        TrustedListUrls urls = new TrustedListUrls(LOTL, List.of("http://127.0.0.1:1/tl/"));
        assertNull(urls.refusal(LOTL));
        assertNull(urls.refusal("http://127.0.0.1:1/tl/xx.xml"));
        assertNotNull(urls.refusal("http://127.0.0.1:1/admin"), "a path beside the prefix");
        assertNotNull(urls.refusal("http://tl.example/xx.xml"), "plain http elsewhere");
        assertNotNull(urls.refusal("https://127.0.0.1/xx.xml"), "https to loopback");
        assertNotNull(urls.refusal("https://localhost/xx.xml"), "a name resolving to loopback");
        assertNotNull(urls.refusal("https://user@tl.example/xx.xml"));
        assertNotNull(urls.refusal("file:///etc/passwd"));
        assertTrue(urls.configuredHost("127.0.0.1"));
        assertFalse(urls.configuredHost("tl.example"));
    }

    @Test
    void privateAndSpecialAddressesAreNotPublic() throws Exception {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1"}) {
            assertFalse(TrustedListUrls.isPublic(InetAddress.getByName(address)), address);
        }
        assertTrue(TrustedListUrls.isPublic(InetAddress.getByName("147.67.34.30")));
        assertTrue(TrustedListUrls.isPublic(InetAddress.getByName("2001:db9::1")));
    }

    @Test
    void theLoaderNeverConnectsToARefusedUrl() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger asked = new AtomicInteger();
        server.createContext("/", exchange -> {
            asked.incrementAndGet();
            byte[] body = "<x/>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            TrustedListLoader loader = new TrustedListLoader(new TrustedListUrls(base + "/lotl.xml", List.of(base + "/tl/")));
            DSSExternalResourceException refused = assertThrows(DSSExternalResourceException.class,
                    () -> loader.get(base + "/secret"));
            assertTrue(refused.getMessage().contains("not allowed"), refused.getMessage());
            assertEquals(0, asked.get());
            assertEquals("<x/>", new String(loader.get(base + "/tl/xx.xml")));
            assertEquals(1, asked.get());
        } finally {
            server.stop(0);
        }
    }
}
