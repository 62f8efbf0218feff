package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigillum.pki.TestPki;
import org.sigillum.settings.ServiceSettings;

/**
 * Revocation data comes only from allowed URLs, from the configured OCSP responder and CRL instead of a certificate's
 * own, and in answers of bounded size.
 */
class RestrictedLoadersTest {

    private static final byte[] ANSWER = "ocsp-answer".getBytes(StandardCharsets.US_ASCII);
    /** What a certificate names, and this test's server is not. */
    private static final String ELSEWHERE = "http://revocation.elsewhere.example/ca";
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicReference<byte[]> crl = new AtomicReference<>(new byte[0]);
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocsp", exchange -> {
            asked.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
            exchange.close();
        });
        server.createContext("/crl", exchange -> {
            asked.incrementAndGet();
            byte[] body = crl.get();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static AllowedUrls allowed(String ocspOverride, String crlOverride) {
        AllowedUrls allowed = new AllowedUrls();
        allowed.settings = ServiceSettings.read(key -> Optional.ofNullable(
                "sigillum.public-url".equals(key) ? "https://sigillum.example" : null));
        allowed.extra = Optional.of(List.of());
        allowed.ocspUrl = Optional.ofNullable(ocspOverride);
        allowed.crlUrl = Optional.ofNullable(crlOverride);
        return allowed;
    }

    @Test
    void theConfiguredResponderIsAskedInsteadOfTheCertificatesOwn() {
        byte[] answer = RestrictedLoaders.ocsp(allowed(url("/ocsp"), null)).post(ELSEWHERE + "/ocsp", new byte[] {1});
        assertArrayEquals(ANSWER, answer);
        assertEquals(1, asked.get());
    }

    @Test
    void theConfiguredCrlIsFetchedInsteadOfTheCertificatesDistributionPoint() throws Exception {
        TestPki pki = new TestPki();
        X509CertificateHolder user = pki.issue("CN=Revoked user", ELSEWHERE + ".crl");
        crl.set(pki.crlRevoking(user.getSerialNumber()).getEncoded());
        OnlineCRLSource source = new OnlineCRLSource(RestrictedLoaders.crl(allowed(null, url("/crl"))));

        CRLToken token = source.getRevocationToken(token(user), token(pki.caCertificate()));
        assertNotNull(token, "DSS got a CRL for the certificate");
        assertEquals(CertificateStatus.REVOKED, token.getStatus());
        assertTrue(token.isSignatureIntact(), "the CRL served is the CA's, signed by it");
        assertEquals(1, asked.get());
    }

    @Test
    void withoutAnOverrideAnUnlistedUrlIsNeverFetched() {
        assertThrows(DSSExternalResourceException.class,
                () -> RestrictedLoaders.ocsp(allowed(null, null)).post(url("/ocsp"), new byte[] {1}));
        assertThrows(DSSExternalResourceException.class,
                () -> RestrictedLoaders.crl(allowed(null, null)).get(url("/crl")));
        assertThrows(DSSExternalResourceException.class,
                () -> RestrictedLoaders.crl(allowed(url("/ocsp"), null)).get(url("/crl")),
                "an OCSP responder's URL is no licence to fetch a CRL elsewhere on its host");
        assertEquals(0, asked.get());
    }

    @Test
    void answersLargerThanTheLimitAreNotRead() {
        crl.set(new byte[RestrictedLoaders.MAX_CRL_BYTES + 1]);
        assertThrows(DSSExternalResourceException.class,
                () -> RestrictedLoaders.crl(allowed(null, url("/crl"))).get(ELSEWHERE + ".crl"));
        crl.set(new byte[RestrictedLoaders.MAX_CRL_BYTES]);
        assertEquals(RestrictedLoaders.MAX_CRL_BYTES,
                RestrictedLoaders.crl(allowed(null, url("/crl"))).get(ELSEWHERE + ".crl").length);
    }

    private static CertificateToken token(X509CertificateHolder certificate) throws Exception {
        return DSSUtils.loadCertificate(certificate.getEncoded());
    }
}
