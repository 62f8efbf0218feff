package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An 11 MiB JSON body, sent by curl: java.net.http cannot read a response before it has sent its whole
 * request, so it would stall on a server that refuses early, as it should. curl announces a large body with
 * Expect: 100-continue, or sends it chunked when asked, and reads the early answer.
 */
final class OversizedUpload {

    private static final int SIZE = 11 * 1024 * 1024;

    private OversizedUpload() {
    }

    static Sigillum.Reply send(String path, boolean chunked) throws Exception {
        Path file = Files.createTempFile("oversized", ".json");
        try {
            Files.writeString(file, "{\"lang\":\"" + "a".repeat(SIZE) + "\"}");
            ProcessBuilder builder = chunked
                    ? new ProcessBuilder("curl", "-s", "-H", "Transfer-Encoding: chunked")
                    : new ProcessBuilder("curl", "-s");
            builder.command().addAll(java.util.List.of("-X", "POST", "-H", "Content-Type: application/json",
                    "--data-binary", "@" + file, "-w", "\n%{http_code}", Sigillum.url(path)));
            Process curl = builder.redirectErrorStream(true).start();
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(curl.waitFor(60, TimeUnit.SECONDS), "curl did not finish");
            int newline = output.lastIndexOf('\n');
            return new Sigillum.Reply(Integer.parseInt(output.substring(newline + 1).strip()), output.substring(0, newline));
        } finally {
            Files.delete(file);
        }
    }
}
