package org.sigillum.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    private static ServiceSettings read(Map<String, String> values) {
        return ServiceSettings.read(key -> Optional.ofNullable(values.get(key)));
    }

    private static String refusal(Map<String, String> values) {
        return assertThrows(IllegalArgumentException.class, () -> read(values)).getMessage();
    }

    @Test
    void everyKeyKeepsItsDefault() {
        assertEquals(new ServiceSettings("http://127.0.0.1:8080", "Sigillum", 100, true), read(Map.of()));
        assertEquals(new ServiceSettings("http://127.0.0.1:8080", "Sigillum", 100, true),
                read(Map.of(ServiceSettings.PUBLIC_URL, " ", ServiceSettings.MAX_SIGNATURES, "")));
    }

    @Test
    void configuredValuesAreRead() {
        assertEquals(new ServiceSettings("https://sign.example.org:8443", "Example Sign", 20, false),
                read(Map.of("sigillum.public-url", "https://sign.example.org:8443", "sigillum.name", "Example Sign",
                        "sigillum.sad.max-signatures", "20", "sigillum.login.enabled", "FALSE")));
    }

    @Test
    void aBadPublicUrlIsRefusedNamingTheKey() {
        assertEquals("sigillum.public-url must be an absolute http or https URL such as https://sign.example.org, "
                + "without query or fragment (endpoint paths are appended to it), not 'sign.example.org'",
                refusal(Map.of("sigillum.public-url", "sign.example.org")));
        assertEquals("sigillum.public-url must be an absolute http or https URL such as https://sign.example.org, "
                + "without query or fragment (endpoint paths are appended to it), not 'ftp://sign.example.org'",
                refusal(Map.of("sigillum.public-url", "ftp://sign.example.org")));
        assertEquals("sigillum.public-url must be an absolute http or https URL such as https://sign.example.org, not "
                + "'http://a b'", refusal(Map.of("sigillum.public-url", "http://a b")));
    }

    @Test
    void aTrailingSlashIsDroppedOnce() {
        assertEquals("https://sign.example.org", read(Map.of("sigillum.public-url", "https://sign.example.org/")).publicUrl());
    }

    @Test
    void maxSignaturesMustBeAPositiveWholeNumberInRange() {
        assertEquals("sigillum.sad.max-signatures must be a whole number from 1 to 10000, not 'many'",
                refusal(Map.of("sigillum.sad.max-signatures", "many")));
        assertEquals("sigillum.sad.max-signatures must be a whole number from 1 to 10000, not '0'",
                refusal(Map.of("sigillum.sad.max-signatures", "0")));
    }

    @Test
    void loginEnabledMustBeTrueOrFalse() {
        assertEquals("sigillum.login.enabled must be true or false, not 'yes'",
                refusal(Map.of("sigillum.login.enabled", "yes")));
    }
}
