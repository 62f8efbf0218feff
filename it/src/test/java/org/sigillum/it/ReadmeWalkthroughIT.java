package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, run as one bash script against the server under test, so that what the README tells an
 * integrator to type cannot drift from what works (issue 16). The script is the README's code blocks marked
 * {@code <!-- walkthrough -->}, in order, as written, with only the server's addresses (the quick start's ports are
 * the test's ports plus its offset), the checkout's paths, the root certificate's file and a fresh account name
 * put in, and the PDF and PNG that the README asks the integrator to bring. Every curl call fails the script on an
 * HTTP error; the openssl and pdfsig checks the README shows must report success.
 */
class ReadmeWalkthroughIT {

    private static final String MARK = "<!-- walkthrough";
    private static final String QUICK_START = "http://127.0.0.1:8080";
    private static final String QUICK_START_HTTPS = "https://127.0.0.1:8443";

    @Test
    void theReadmeWalkthroughRunsAsWritten() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        List<String> blocks = walkthrough(Files.readAllLines(home.resolve("README.md")));
        assertTrue(blocks.size() >= 3, "the README marks its walk-through blocks: " + blocks.size());
        String user = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String script = String.join("\n", blocks)
                .replace(QUICK_START, Sigillum.url(""))
                .replace(QUICK_START_HTTPS, Sigillum.env("SIGILLUM_IT_HTTPS_URL"))
                .replace("var/ca/root.pem", Sigillum.env("SIGILLUM_IT_ROOT_PEM"))
                .replace("bin/sigillum", home.resolve("bin/sigillum").toString())
                .replace("alice", user);
        Path dir = Files.createTempDirectory("readme-walkthrough");
        Files.write(dir.resolve("contract.pdf"), TestDocuments.pdf("A contract signed as the README shows"));
        BufferedImage seal = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        seal.getGraphics().fillOval(10, 5, 100, 50);
        ImageIO.write(seal, "png", dir.resolve("seal.png").toFile());
        // every HTTP error ends the script, as it would end an integrator's reading
        String prologue = "set -euo pipefail\ncurl() { command curl --fail-with-body \"$@\"; }\n";
        Files.writeString(dir.resolve("walkthrough.sh"), prologue + script + "\necho WALKTHROUGH-DONE\n");

        int port = Integer.parseInt(Sigillum.url("").replaceAll(".*:(\\d+).*", "$1"));
        ExternalTools.Run run = ExternalTools.run(dir, Duration.ofMinutes(5), List.of("env",
                "SIGILLUM_HTTP_PORT=" + port,
                "SIGILLUM_BOOTSTRAP_CLIENT_ID=" + Sigillum.env("SIGILLUM_IT_BOOTSTRAP_CLIENT_ID"),
                "SIGILLUM_BOOTSTRAP_CLIENT_SECRET=" + Sigillum.env("SIGILLUM_IT_BOOTSTRAP_CLIENT_SECRET"),
                "bash", "walkthrough.sh"));
        String output = run.output();
        assertEquals(0, run.exit(), "the walk-through stopped:\n" + script + "\n---\n" + output);
        assertTrue(output.contains("WALKTHROUGH-DONE"), output);
        assertTrue(output.contains("\"specs\""), "info answers over HTTP and HTTPS: " + output);
        assertTrue(output.contains("200 image/png"), "the logo info names answers: " + output);
        assertTrue(output.contains("Verified OK"), "openssl verifies the signHash signature: " + output);
        assertTrue(output.contains("Verification: OK"), "openssl verifies the RFC 3161 token: " + output);
        int good = output.indexOf("user.pem: good");
        int revoked = output.indexOf("user.pem: revoked");
        assertTrue(good >= 0 && revoked > good, "OCSP says good, then revoked after the revocation: " + output);
        assertTrue(output.contains("Signature is Valid."), "pdfsig validates the signed contract: " + output);
        assertTrue(output.contains("otpauth://"), "the TOTP authenticator's URI: " + output);
    }

    /** The bodies of the fenced blocks that follow a walk-through mark, in the README's order. */
    private static List<String> walkthrough(List<String> readme) {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith(MARK)) {
                assertEquals("```sh", readme.get(i + 1), "a walk-through mark precedes a sh block, line " + (i + 2));
                StringBuilder block = new StringBuilder();
                int line = i + 2;
                for (; !readme.get(line).equals("```"); line++) {
                    block.append(readme.get(line)).append('\n');
                }
                blocks.add(block.toString());
                i = line;
            }
        }
        return blocks;
    }
}
