package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The quick start's HTTPS listener, as a client that trusts the built-in root and nothing else sees it: the
 * server certificate comes from the built-in issuing CA, names 127.0.0.1, and the CSC API answers over it (the
 * EUDI CSC library accepts only https service URLs). bin/sigillum exports the root it trusts as PEM.
 */
class HttpsIT {

    private static HttpClient trustingTheBuiltInRoot() throws Exception {
        X509Certificate root;
        try (InputStream in = Files.newInputStream(Path.of(Sigillum.env("SIGILLUM_IT_ROOT_PEM")))) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal(), "the PEM holds the root");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("sigillum-root", root);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theCscApiAnswersOverHttpsWithACertificateOfTheBuiltInCa() throws Exception {
        String https = Sigillum.env("SIGILLUM_IT_HTTPS_URL");
        assertTrue(https.startsWith("https://127.0.0.1:"), https);
        HttpResponse<String> info = trustingTheBuiltInRoot().send(HttpRequest.newBuilder(URI.create(https + "/csc/v2/info"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, info.statusCode(), info.body());
        assertTrue(info.body().contains("\"signature_formats\""), info.body());
        assertEquals(200, trustingTheBuiltInRoot().send(HttpRequest.newBuilder(URI.create(https + "/csc/v1/info")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        Certificate[] chain = info.sslSession().orElseThrow().getPeerCertificates();
        X509Certificate server = (X509Certificate) chain[0];
        assertTrue(server.getIssuerX500Principal().getName().contains("Sigillum Issuing CA"),
                server.getIssuerX500Principal().getName());
        assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertTrue(server.getSubjectAlternativeNames().stream().anyMatch(n -> n.equals(List.of(7, "127.0.0.1"))),
                String.valueOf(server.getSubjectAlternativeNames()));
        byte[] issuing = Sigillum.getBytes("/ca/issuing.crt");
        server.verify(CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(issuing))
                .getPublicKey());
    }

    @Test
    void aClientThatDoesNotTrustTheBuiltInRootIsRefusedTheHandshake() {
        String https = Sigillum.env("SIGILLUM_IT_HTTPS_URL");
        HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(SSLHandshakeException.class, () -> defaults.send(HttpRequest.newBuilder(URI.create(https + "/csc/v2/info"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()));
    }
}
