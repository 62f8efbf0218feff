package org.sigillum.hsm.adapter.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinSourceTest {

    @TempDir
    Path dir;

    @Test
    void envFormReadsTheNamedVariable() {
        Map.Entry<String, String> variable = System.getenv().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("the test JVM has no environment variable to read"));

        assertArrayEquals(variable.getValue().toCharArray(), new PinSource("env:" + variable.getKey()).read());
    }

    @Test
    void envFormWithAnUnsetVariableFailsNamingIt() {
        String name = "SIGILLUM_UNIT_UNSET_" + UUID.randomUUID().toString().replace('-', '_');
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PinSource("env:" + name).read());
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void fileFormReadsTheFileWithoutTrailingNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("token.pin"), "5791\n", StandardCharsets.UTF_8);

        assertArrayEquals("5791".toCharArray(), new PinSource("file:" + file).read());
    }

    @Test
    void fileFormWithAMissingFileFailsWithIllegalState() {
        Path missing = dir.resolve("no-such.pin");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PinSource("file:" + missing).read());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void literalPinIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PinSource("1234"));
    }

    @Test
    void missingSpecIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PinSource(null));
    }

    @Test
    void toStringShowsWhereThePinIsNotThePin() throws IOException {
        Path file = Files.writeString(dir.resolve("token.pin"), "pin-never-shown", StandardCharsets.UTF_8);
        PinSource source = new PinSource("file:" + file);

        assertEquals("file:" + file, source.toString());
        assertFalse(source.toString().contains("pin-never-shown"));
    }
}
