package org.sigillum.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/** An external TSA on a local HTTP server: basic authentication sent, and answers checked against the request (D7). */
class ExternalTimestampSourceTest {

    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    private final TestPki pki = new TestPki();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    /** What the fake TSA does to the request before it answers it: a dishonest one answers another. */
    private volatile UnaryOperator<TimeStampRequest> tamper = UnaryOperator.identity();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                TimeStampRequest request = tamper.apply(new TimeStampRequest(exchange.getRequestBody().readAllBytes()));
                byte[] reply = new TimeStampResponder(TimeStampAuthorityBean.DEFAULT_POLICY, 1).respond(request,
                        TestPki.signer(pki.tsaKey), pki.tsa, List.of(), BigInteger.TEN, tsaTime == null ? new Date() : tsaTime);
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @BeforeEach
    void trustTheTestCa() throws Exception {
        trusted = List.of(new JcaX509CertificateConverter().getCertificate(pki.ca));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** What the source trusts; the tests change it to a stranger's root. */
    private volatile List<X509Certificate> trusted;
    /** When the fake TSA says it is. */
    private volatile Date tsaTime;

    private List<X509Certificate> anchors() {
        return trusted;
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @Test
    void sendsBasicAuthenticationAndReturnsTheCheckedToken() throws Exception {
        byte[] hash = new byte[32];
        hash[0] = 7;
        byte[] token = new ExternalTimestampSource(url(), "user", "secret", this::anchors).timestamp(SHA256, hash, BigInteger.valueOf(99));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8)),
                authorization.get());
        TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
        assertEquals(BigInteger.valueOf(99), parsed.getTimeStampInfo().getNonce());
    }

    @Test
    void d7RefusesAnAnswerToAnotherNonce() {
        tamper = request -> new TimeStampRequestGenerator().generate(request.getMessageImprintAlgOID(),
                request.getMessageImprintDigest(), BigInteger.valueOf(1234));
        ServiceException e = assertThrows(ServiceException.class,
                () -> new ExternalTimestampSource(url(), null, null, this::anchors).timestamp(SHA256, new byte[32], BigInteger.valueOf(99)));
        assertEquals(ErrorCode.TEMPORARILY_UNAVAILABLE, e.code());
        assertEquals(null, authorization.get(), "no credentials configured, none sent");
    }

    @Test
    void d7RefusesAnAnswerForAnotherImprint() {
        tamper = request -> new TimeStampRequestGenerator().generate(request.getMessageImprintAlgOID(), new byte[32],
                request.getNonce());
        byte[] hash = new byte[32];
        hash[31] = 1;
        assertThrows(ServiceException.class,
                () -> new ExternalTimestampSource(url(), null, null, this::anchors).timestamp(SHA256, hash, BigInteger.valueOf(5)));
    }

    @Test
    void refusesSha1BeforeAskingAnyone() {
        ServiceException e = assertThrows(ServiceException.class, () -> new ExternalTimestampSource(url(), null, null, this::anchors)
                .timestamp("1.3.14.3.2.26", new byte[20], BigInteger.ONE));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    }

    @Test
    void d7RefusesATokenFromAnUntrustedTsa() throws Exception {
        trusted = List.of(new JcaX509CertificateConverter().getCertificate(new TestPki().ca));
        ServiceException e = assertThrows(ServiceException.class, () -> new ExternalTimestampSource(url(), null, null,
                this::anchors).timestamp(SHA256, new byte[32], BigInteger.ONE));
        assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
    }

    @Test
    void d7RefusesATokenWhoseTimeIsFarFromNow() {
        tsaTime = Date.from(java.time.Instant.now().plus(java.time.Duration.ofHours(2)));
        ServiceException e = assertThrows(ServiceException.class, () -> new ExternalTimestampSource(url(), null, null,
                this::anchors).timestamp(SHA256, new byte[32], BigInteger.ONE));
        assertTrue(e.getMessage().contains("too far from now"), e.getMessage());
    }
}
