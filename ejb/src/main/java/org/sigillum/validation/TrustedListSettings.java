package org.sigillum.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The EU trusted-list option, typed: whether it is on, the list of trusted lists (LOTL) to start from, the keystore of
 * the certificates allowed to sign that LOTL (those the Official Journal publishes), how often to refresh, where the
 * downloaded lists are cached, and further URL prefixes lists may be fetched from. Read from MicroProfile Config at
 * start-up and again at every refresh, so that a change applies at the next refresh without a restart.
 */
record TrustedListSettings(boolean enabled, String lotlUrl, Path keystorePath, String keystoreType, char[] keystorePassword,
                           Duration refreshInterval, Path cacheDirectory, List<String> allowedUrls) {

    static final String PREFIX = "sigillum.trusted-lists.";
    static final String EU_LOTL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";
    static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);
    static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);

    /** Settings as they are now; {@code lookup} gives a key's value (without the prefix), blank meaning unset. */
    static TrustedListSettings read(Function<String, Optional<String>> lookup, Path dataDirectory) {
        Function<String, Optional<String>> value = key -> lookup.apply(PREFIX + key).map(String::strip)
                .filter(v -> !v.isEmpty());
        boolean enabled = bool(value, "enabled");
        Duration interval = value.apply("refresh-seconds").map(TrustedListSettings::interval).orElse(DEFAULT_INTERVAL);
        Path cache = value.apply("cache-directory").map(Path::of)
                .orElseGet(() -> dataDirectory.resolve("sigillum").resolve("trusted-lists"));
        List<String> allowed = value.apply("allowed-urls").map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(p -> !p.isEmpty()).map(TrustedListSettings::prefix).toList()).orElse(List.of());
        if (!enabled) {
            return new TrustedListSettings(false, null, null, null, null, interval, cache, allowed);
        }
        String lotl = httpUrl(PREFIX + "lotl-url", value.apply("lotl-url").orElse(EU_LOTL));
        Path keystore = value.apply("keystore.path").map(Path::of).orElseThrow(() -> new IllegalArgumentException(
                PREFIX + "keystore.path is required when the trusted lists are enabled: the keystore of the certificates "
                        + "allowed to sign the LOTL, as the Official Journal of the EU publishes them"));
        String type = value.apply("keystore.type").orElse("PKCS12");
        char[] password = value.apply("keystore.password").map(String::toCharArray).orElse(new char[0]);
        return new TrustedListSettings(true, lotl, keystore, type, password, interval, cache, allowed);
    }

    /** Whether two readings would make the same job: a change of any of these starts the lists afresh. */
    boolean sameSourcesAs(TrustedListSettings other) {
        return other != null && enabled == other.enabled && Objects.equals(lotlUrl, other.lotlUrl)
                && Objects.equals(keystorePath, other.keystorePath) && Objects.equals(keystoreType, other.keystoreType)
                && Arrays.equals(keystorePassword, other.keystorePassword)
                && Objects.equals(cacheDirectory, other.cacheDirectory) && allowedUrls.equals(other.allowedUrls);
    }

    private static boolean bool(Function<String, Optional<String>> value, String key) {
        String text = value.apply(key).orElse("false");
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(PREFIX + key + " must be true or false, not '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static Duration interval(String text) {
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + "refresh-seconds must be a whole number of seconds, not '" + text + "'");
        }
        Duration interval = Duration.ofSeconds(seconds);
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            throw new IllegalArgumentException(PREFIX + "refresh-seconds must be at least " + SHORTEST_INTERVAL.toSeconds()
                    + ", not " + seconds);
        }
        return interval;
    }

    private static String prefix(String text) {
        return httpUrl(PREFIX + "allowed-urls", text);
    }

    private static String httpUrl(String key, String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException(key + " must be an http or https URL with a host and no user name, not '"
                        + text + "'");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a URL: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return "TrustedListSettings[enabled=" + enabled + ", lotlUrl=" + lotlUrl + ", keystorePath=" + keystorePath
                + ", refreshInterval=" + refreshInterval + ", cacheDirectory=" + cacheDirectory + "]";
    }
}
