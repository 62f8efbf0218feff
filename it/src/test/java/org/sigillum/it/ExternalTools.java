package org.sigillum.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Verifiers that are not DSS: poppler's pdfsig, OpenSSL, xmlsec1. A signature these accept was not only made
 * by DSS but is readable by independent implementations.
 */
final class ExternalTools {

    record Run(int exit, String output) {
    }

    private ExternalTools() {
    }

    static Run run(Path directory, String... command) {
        return run(directory, Duration.ofSeconds(60), List.of(command));
    }

    /**
     * Runs a command in {@code directory} (null: the current one) to its end, its error merged into its output, which
     * is read as it comes so that a chatty command never blocks on a full pipe; fails the test if it does not end in
     * time.
     */
    static Run run(Path directory, Duration timeout, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code openssl cms -verify} of a detached DER signature over a content file, both in {@code directory}. */
    static Run verifyDetachedCms(Path directory, String signature, String content) {
        return run(directory, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content",
                content, "-CAfile", "chain.pem", "-purpose", "any", "-out", "/dev/null");
    }

    /** A scratch directory holding the built-in CA's certificates as PEM (see {@link #writeCaCertificates}). */
    static Path workspaceWithCaCertificates() throws IOException {
        Path dir = Files.createTempDirectory("sigillum-verify");
        writeCaCertificates(dir);
        return dir;
    }

    /** Writes the server's root.pem, issuing.pem, chain.pem (root and issuing) and tsa.pem into {@code dir}. */
    static void writeCaCertificates(Path dir) throws IOException {
        String root = pem(Sigillum.getBytes("/ca/root.crt"));
        String issuing = pem(Sigillum.getBytes("/ca/issuing.crt"));
        Files.writeString(dir.resolve("root.pem"), root);
        Files.writeString(dir.resolve("issuing.pem"), issuing);
        Files.writeString(dir.resolve("chain.pem"), root + issuing);
        Files.writeString(dir.resolve("tsa.pem"), pem(Sigillum.getBytes("/ca/tsa.crt")));
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }
}
