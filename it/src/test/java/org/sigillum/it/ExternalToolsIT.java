package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one way the tests run a command: its timeout holds for a command that hangs, and nothing it started survives. */
class ExternalToolsIT {

    @Test
    void aHungCommandIsKilledWithItsChildrenAtItsTimeout() throws IOException {
        Path pidFile = Files.createTempFile("sigillum-hung", ".pid");
        try {
            // a shell whose child sleeps: the child holds the output pipe open after the shell alone is gone
            List<String> hung = List.of("sh", "-c", "echo started; sleep 300 & echo $! > " + pidFile + "; wait");
            AssertionError timedOut = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(AssertionError.class, () -> ExternalTools.run(null, Duration.ofSeconds(2), hung)));
            assertTrue(timedOut.getMessage().startsWith("timed out"), timedOut.getMessage());
            long sleeper = Long.parseLong(Files.readString(pidFile).strip());
            assertFalse(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false), "the hung child is killed");
        } finally {
            Files.delete(pidFile);
        }
    }

    @Test
    void aCommandThatEndsGivesItsExitAndOutput() {
        ExternalTools.Run run = ExternalTools.run(null, Duration.ofSeconds(10),
                List.of("sh", "-c", "echo out; echo err >&2; exit 3"));
        assertEquals(3, run.exit());
        assertEquals("out\nerr\n", run.output());
    }
}
