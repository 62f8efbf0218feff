package org.sigillum.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

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
     * a thread of its own reads as it comes, so that a chatty command never blocks on a full pipe and a hung one
     * cannot hold the caller past {@code timeout}: then the command and every process it started are killed and the
     * test fails.
     */
    static Run run(Path directory, Duration timeout, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            Process process = builder.start();
            FutureTask<String> output = new FutureTask<>(
                    () -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Thread reader = new Thread(output, "output of " + command.get(0));
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killWithDescendants(process);
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s, killed: "
                        + String.join(" ", command));
            }
            // a process the command left running may still hold the pipe open: its output is not awaited for ever
            return new Run(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no output of " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGKILL to the process and to every process under it (a shell's children would keep the output pipe open). */
    private static void killWithDescendants(Process process) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> handle).join();
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
