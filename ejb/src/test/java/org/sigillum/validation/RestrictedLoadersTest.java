package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revocation data comes only from allowed URLs, and from the configured OCSP responder instead of a certificate's. */
class RestrictedLoadersTest {

    private static final byte[] ANSWER = "ocsp-answer".getBytes(StandardCharsets.US_ASCII);
    private final AtomicInteger asked = new AtomicInteger();
    private HttpServer responder;

    @BeforeEach
    void start() throws Exception {
        responder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        responder.createContext("/ocsp", exchange -> {
            asked.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
            exchange.close();
        });
        responder.start();
    }

    @AfterEach
    void stop() {
        responder.stop(0);
    }

    private String responderUrl() {
        return "http://127.0.0.1:" + responder.getAddress().getPort() + "/ocsp";
    }

    private static AllowedUrls allowed(String ocspOverride) {
        AllowedUrls allowed = new AllowedUrls();
        allowed.publicUrl = "https://sigillum.example";
        allowed.extra = Optional.of(List.of());
        allowed.ocspUrl = Optional.ofNullable(ocspOverride);
        return allowed;
    }

    @Test
    void theConfiguredResponderIsAskedInsteadOfTheCertificatesOwn() {
        byte[] answer = RestrictedLoaders.ocsp(allowed(responderUrl())).post("http://ocsp.elsewhere.example/", new byte[] {1});
        assertArrayEquals(ANSWER, answer);
        assertEquals(1, asked.get());
    }

    @Test
    void withoutAnOverrideAnUnlistedUrlIsNeverFetched() {
        assertThrows(DSSExternalResourceException.class,
                () -> RestrictedLoaders.ocsp(allowed(null)).post(responderUrl(), new byte[] {1}));
        assertThrows(DSSExternalResourceException.class,
                () -> RestrictedLoaders.crl(allowed(null)).get(responderUrl()));
        assertEquals(0, asked.get());
    }
}
