package org.sigillum.hsm.adapter.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the token PIN comes from: {@code env:NAME} or {@code file:/path}. A PIN is never a literal in
 * configuration; WildFly credential-store or vault expressions resolve into an environment variable or a file.
 */
public final class PinSource {

    private final String spec;

    public PinSource(String spec) {
        if (spec == null || !(spec.startsWith("env:") || spec.startsWith("file:"))) {
            throw new IllegalArgumentException("pinSource must be env:NAME or file:/path");
        }
        this.spec = spec;
    }

    public char[] read() {
        String pin;
        if (spec.startsWith("env:")) {
            String name = spec.substring(4);
            pin = System.getenv(name);
            if (pin == null) {
                throw new IllegalStateException("environment variable " + name + " holding the token PIN is not set");
            }
        } else {
            Path file = Path.of(spec.substring(5));
            try {
                pin = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the token PIN file " + file, e);
            }
        }
        return pin.toCharArray();
    }

    @Override
    public String toString() {
        return spec;
    }
}
