package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trusted-list settings: off by default, the EU LOTL when on, and a clear message for each bad value. */
class TrustedListSettingsTest {

    private static final Path DATA = Path.of("/srv/wildfly/data");

    private static TrustedListSettings read(Map<String, String> values) {
        Map<String, String> prefixed = new HashMap<>();
        values.forEach((k, v) -> prefixed.put(TrustedListSettings.PREFIX + k, v));
        return TrustedListSettings.read(key -> Optional.ofNullable(prefixed.get(key)), DATA);
    }

    @Test
    void offByDefaultWithTheCacheUnderTheDataDirectory() {
        TrustedListSettings settings = read(Map.of());
        assertFalse(settings.enabled());
        assertEquals(Duration.ofHours(6), settings.refreshInterval());
        assertEquals(DATA.resolve("sigillum/trusted-lists"), settings.cacheDirectory());
    }

    @Test
    void enabledStartsFromTheEuLotlAndNeedsTheKeystore() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("enabled", "true")));
        assertTrue(missing.getMessage().contains("keystore.path is required"), missing.getMessage());
        TrustedListSettings settings = read(Map.of("enabled", "true", "keystore.path", "/etc/oj.p12",
                "keystore.password", "secret", "allowed-urls", "http://mirror.example/tl/, https://other.example/"));
        assertEquals(TrustedListSettings.EU_LOTL, settings.lotlUrl());
        assertEquals("PKCS12", settings.keystoreType());
        assertEquals(List.of("http://mirror.example/tl/", "https://other.example/"), settings.allowedUrls());
        assertFalse(settings.toString().contains("secret"), "the password stays out of logs");
    }

    @Test
    void badValuesAreNamed() {
        assertMessage(Map.of("enabled", "yes"), "enabled must be true or false");
        assertMessage(Map.of("refresh-seconds", "6h"), "refresh-seconds must be a whole number");
        assertMessage(Map.of("refresh-seconds", "5"), "refresh-seconds must be at least 60");
        assertMessage(Map.of("enabled", "true", "keystore.path", "/k", "lotl-url", "file:///etc/passwd"),
                "lotl-url must be an http or https URL");
        assertMessage(Map.of("allowed-urls", "ftp://x/"), "allowed-urls must be an http or https URL");
    }

    @Test
    void aChangedKeystoreOrLotlIsAnotherSource() {
        TrustedListSettings one = read(Map.of("enabled", "true", "keystore.path", "/a.p12", "keystore.password", "p"));
        assertTrue(one.sameSourcesAs(read(Map.of("enabled", "true", "keystore.path", "/a.p12", "keystore.password", "p",
                "refresh-seconds", "120"))));
        assertFalse(one.sameSourcesAs(read(Map.of("enabled", "true", "keystore.path", "/b.p12", "keystore.password", "p"))));
        assertFalse(one.sameSourcesAs(read(Map.of("enabled", "true", "keystore.path", "/a.p12", "keystore.password", "p",
                "lotl-url", "https://lotl.example/lotl.xml"))));
    }

    private static void assertMessage(Map<String, String> values, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(values));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
