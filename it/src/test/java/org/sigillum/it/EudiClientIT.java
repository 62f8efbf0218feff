package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The EU Digital Identity Wallet's CSC client library (eudi-lib-jvm-rqes-csc-kt 0.2.0), unchanged, resolves
 * Sigillum's RSSP metadata over HTTPS with only the built-in root trusted: CSC info (which it refused before
 * info had signature_formats), then the authorization server's RFC 8414 metadata from oauth2Issuer. It runs in a
 * JVM of its own (it/eudi: its Kotlin, Ktor and Nimbus versions stay off the tests' class path).
 *
 * The library accepts only https URLs, the authorization server's included, so this test needs a server whose
 * public URL is its HTTPS one. {@code bin/sigillum test} runs it in a phase of its own, against a fresh server
 * started with that public URL; alone: {@code bin/sigillum test --it EudiClientIT}, which starts its server that way
 * when the pattern names this test. It carries the tag {@value #TAG}, which the other phases exclude; against an
 * http public URL it fails, never skips, and the phase that runs it fails unless its report shows it ran.
 * Then, as a wallet: service authorization with PAR and PKCE through the login and consent pages, the token,
 * credentials/list with the credentials' information and credentials/info, parsed into the library's model;
 * credential authorization with authorization_details through the consent page and the PIN, and signHash for
 * an EC and an RSA key, each signature checked with JCA. Not covered: signDoc, which 0.2.0 does not have.
 */
@Tag(EudiClientIT.TAG)
class EudiClientIT {

    /** The tag of tests that need a server whose public URL is its HTTPS one. */
    static final String TAG = "public-https";

    @Test
    void theEudiLibraryAuthorizesListsReadsAndSignsOverHttps() {
        String publicUrl = Sigillum.env("SIGILLUM_PUBLIC_URL");
        assertTrue(publicUrl.startsWith("https://"), "the EUDI library accepts only https URLs; public URL: " + publicUrl);
        Path home = Path.of("").toAbsolutePath().getParent();
        Path eudi = home.resolve("it/eudi");
        ExternalTools.Run classpath = ExternalTools.run(eudi, Duration.ofMinutes(5), List.of("mvn", "-B", "-q",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-Dmdep.outputFile=target/classpath.txt"));
        assertEquals(0, classpath.exit(), classpath.output());
        String cp;
        try {
            cp = Files.readString(eudi.resolve("target/classpath.txt")).strip();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String user = "eudi-" + UUID.randomUUID();
        String userId = Sigillum.createUser(user, CscClient.PASSWORD, CscClient.PIN);
        for (String key : List.of("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}", "{\"keyAlgo\":\"RSA\",\"keyLength\":2048}")) {
            Sigillum.Reply credential = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials", key);
            assertEquals(201, credential.status(), credential.body());
        }
        OAuthApp app = OAuthApp.register("service credential");
        ExternalTools.Run probe = ExternalTools.run(eudi, Duration.ofMinutes(2), List.of("java", "-cp", cp,
                "EudiProbe.java", publicUrl + "/csc/v2", Sigillum.env("SIGILLUM_IT_ROOT_PEM"), app.clientId, app.secret,
                app.redirectUri, user, CscClient.PASSWORD, CscClient.PIN));
        assertEquals(0, probe.exit(), probe.output());
        String line = probe.output().lines().filter(l -> l.startsWith("EUDI RSSP metadata:")).findFirst().orElse("");
        assertTrue(line.contains("specs=2.0.0.2"), probe.output());
        assertTrue(line.contains("SignaturesSignHash") && line.contains("CredentialsAuthorize"), line);
        assertTrue(line.contains("OAuth2"), line);
        assertTrue(probe.output().contains("EUDI service authorization:"), probe.output());
        assertTrue(probe.output().contains("EUDI credentials/list: 2 credential(s)"), probe.output());
        assertTrue(probe.output().contains("EUDI credentials/info: EC curve=1.2.840.10045.3.1.7 len=256"), probe.output());
        assertTrue(probe.output().contains("EUDI credentials/info: RSA curve=null len=2048"), probe.output());
        assertTrue(probe.output().contains("EUDI signHash: EC verified=true"), probe.output());
        assertTrue(probe.output().contains("EUDI signHash: RSA verified=true"), probe.output());
    }
}
