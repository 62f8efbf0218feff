package org.sigillum.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
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

    /** A scratch directory holding the built-in CA's root and issuing certificates as PEM (root.pem, issuing.pem, chain.pem). */
    static Path workspaceWithCaCertificates() throws IOException {
        Path dir = Files.createTempDirectory("sigillum-verify");
        String root = pem(Sigillum.getBytes("/ca/root.crt"));
        String issuing = pem(Sigillum.getBytes("/ca/issuing.crt"));
        Files.writeString(dir.resolve("root.pem"), root);
        Files.writeString(dir.resolve("issuing.pem"), issuing);
        Files.writeString(dir.resolve("chain.pem"), root + issuing);
        return dir;
    }

    static String pem(byte[] der) {
        List<String> lines = new ArrayList<>();
        String base64 = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < base64.length(); i += 64) {
            lines.add(base64.substring(i, Math.min(base64.length(), i + 64)));
        }
        return "-----BEGIN CERTIFICATE-----\n" + String.join("\n", lines) + "\n-----END CERTIFICATE-----\n";
    }
}
