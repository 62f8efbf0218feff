package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/sigillum conformance URL}, the checker an integrator can point at any CSC server, run against
 * Sigillum itself on both API versions with an account that has a credential: every check passes.
 */
class ConformanceIT {

    private static ExternalTools.Run conformance(String version) {
        String name = "conformance-" + UUID.randomUUID();
        String userId = Sigillum.createUser(name, CscClient.PASSWORD, CscClient.PIN);
        Sigillum.Reply credential = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        assertEquals(201, credential.status(), credential.body());
        Path home = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isExecutable(home.resolve("bin/sigillum")), home.toString());
        return ExternalTools.run(home, Duration.ofMinutes(3), List.of("bin/sigillum", "conformance",
                Sigillum.url("/csc/" + version), "--user", name, "--password", CscClient.PASSWORD, "--pin", CscClient.PIN));
    }

    private static void assertAllPass(ExternalTools.Run run) {
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().lines().anyMatch(line -> line.matches("\\d+ passed, 0 failed")), run.output());
        assertTrue(run.output().lines().filter(line -> line.startsWith("PASS ")).count() > 25, run.output());
    }

    @Test
    void a1a2EveryCheckPassesOnV2() {
        assertAllPass(conformance("v2"));
    }

    @Test
    void a1a2EveryCheckPassesOnV1() {
        assertAllPass(conformance("v1"));
    }
}
