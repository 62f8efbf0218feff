package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigillum.pki.TestPki;

/** The LOTL keystore is read when the job is made, and each way it can be wrong is named. */
class TrustedListJobTest {

    private static final char[] PASSWORD = "oj".toCharArray();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private TrustedListJob job(Path keystore, char[] password) {
        return new TrustedListJob(new TrustedListSettings(true, "https://lotl.example/lotl.xml", keystore, "PKCS12",
                password, TrustedListSettings.DEFAULT_INTERVAL, dir.resolve("cache"), List.of()), executor);
    }

    private Path keystore(boolean withCertificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        if (withCertificate) {
            store.setCertificateEntry("oj", new JcaX509CertificateConverter().getCertificate(new TestPki().ca));
        }
        Path file = dir.resolve(withCertificate ? "oj.p12" : "empty.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    @Test
    void aKeystoreWithTheLotlSignersMakesAJobWithItsCacheDirectory() throws Exception {
        TrustedListJob job = job(keystore(true), PASSWORD);
        assertTrue(Files.isDirectory(dir.resolve("cache")));
        assertEquals(0, job.certificates().getNumberOfCertificates(), "nothing is trusted before a refresh");
    }

    @Test
    void eachWrongKeystoreIsNamed() throws Exception {
        assertMessage(dir.resolve("missing.p12"), PASSWORD, "cannot be read");
        assertMessage(keystore(true), "wrong".toCharArray(), "cannot be read");
        assertMessage(keystore(false), PASSWORD, "holds no certificate");
    }

    private void assertMessage(Path keystore, char[] password, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job(keystore, password));
        assertTrue(e.getMessage().contains("keystore.path") && e.getMessage().contains(expected), e.getMessage());
    }
}
