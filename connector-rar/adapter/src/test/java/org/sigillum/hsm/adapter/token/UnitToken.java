package org.sigillum.hsm.adapter.token;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.adapter.tool.KeyCeremony;

/**
 * The SoftHSM2 token that {@code bin/sigillum test} prepares for the unit tests, found only through environment
 * variables. A missing or wrong variable fails the test with a message saying what to set: these tests never
 * skip themselves.
 */
final class UnitToken {

    static final String WRAPPING_KEY_LABEL = "sigillum-wrap";
    static final String BINDING_KEY_LABEL = "sigillum-bind";
    static final String PEPPER_KEY_LABEL = "sigillum-pepper";
    static final int KEY_CACHE_CAPACITY = 8;

    private static TokenConfig config;

    private UnitToken() {
    }

    /** The token's configuration; the first call runs the (idempotent) key ceremony. */
    static synchronized TokenConfig config() {
        if (config == null) {
            String library = requireFile("SIGILLUM_PKCS11_LIBRARY");
            String softhsmConf = requireFile("SIGILLUM_UNIT_SOFTHSM2_CONF");
            if (!softhsmConf.equals(System.getenv("SOFTHSM2_CONF"))) {
                throw new IllegalStateException("SOFTHSM2_CONF is '" + System.getenv("SOFTHSM2_CONF")
                        + "', not SIGILLUM_UNIT_SOFTHSM2_CONF; run the tests through Maven (surefire maps it)");
            }
            String tokenLabel = require("SIGILLUM_UNIT_TOKEN_LABEL");
            String pinSource = "file:" + requireFile("SIGILLUM_UNIT_PIN_FILE");
            try {
                KeyCeremony.main(new String[] {"--library", library, "--token", tokenLabel, "--pin-source", pinSource,
                        "--wrapping-key-label", WRAPPING_KEY_LABEL, "--binding-key-label", BINDING_KEY_LABEL,
                        "--pepper-key-label", PEPPER_KEY_LABEL});
            } catch (Exception e) {
                throw new IllegalStateException("key ceremony on unit token '" + tokenLabel + "' failed: " + e, e);
            }
            config = new TokenConfig(library, tokenLabel, new PinSource(pinSource), WRAPPING_KEY_LABEL,
                    BINDING_KEY_LABEL, PEPPER_KEY_LABEL, KEY_CACHE_CAPACITY);
        }
        return config;
    }

    /** A token context with a key cache of its own, so cache figures of one test never leak into another. */
    static TokenContext open() throws HsmException {
        return TokenContext.open(config());
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name
                    + " is not set: the unit tests need the SoftHSM2 token that bin/sigillum test prepares");
        }
        return value;
    }

    private static String requireFile(String name) {
        String value = require(name);
        if (!Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("environment variable " + name + " names " + value + ", which is not a file");
        }
        return value;
    }
}
