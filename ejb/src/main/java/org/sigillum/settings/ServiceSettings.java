package org.sigillum.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings that several services share, typed and checked once: the public URL clients address the server by
 * (issuer, endpoints, certificate URLs, TLS name), the service's name, the most signatures one authorization may
 * allow, and whether local accounts may sign in. Every key keeps its name and default; a bad value stops the
 * deployment with a message that names the key (see {@link ServiceSettingsSource}).
 */
public record ServiceSettings(String publicUrl, String name, int maxSignatures, boolean loginEnabled) {

    public static final String PUBLIC_URL = "sigillum.public-url";
    public static final String NAME = "sigillum.name";
    public static final String MAX_SIGNATURES = "sigillum.sad.max-signatures";
    public static final String LOGIN_ENABLED = "sigillum.login.enabled";

    static final String DEFAULT_PUBLIC_URL = "http://127.0.0.1:8080";
    static final String DEFAULT_NAME = "Sigillum";
    static final int DEFAULT_MAX_SIGNATURES = 100;
    /** Far above any batch a person reviews on one consent page, and below what one request may carry. */
    static final int MOST_SIGNATURES = 10_000;

    /** {@code lookup} gives a key's configured value; blank means unset. */
    public static ServiceSettings read(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> value = key -> lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        String publicUrl = publicUrl(value.apply(PUBLIC_URL).orElse(DEFAULT_PUBLIC_URL));
        String name = value.apply(NAME).orElse(DEFAULT_NAME);
        int maxSignatures = value.apply(MAX_SIGNATURES).map(ServiceSettings::maxSignatures).orElse(DEFAULT_MAX_SIGNATURES);
        boolean loginEnabled = value.apply(LOGIN_ENABLED).map(v -> bool(LOGIN_ENABLED, v)).orElse(true);
        return new ServiceSettings(publicUrl, name, maxSignatures, loginEnabled);
    }

    /** Without a trailing slash, which some configurations carry: endpoint paths are appended to it. */
    private static String publicUrl(String configured) {
        String text = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(PUBLIC_URL, configured, "an absolute http or https URL such as https://sign.example.org");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw invalid(PUBLIC_URL, configured, "an absolute http or https URL such as https://sign.example.org, "
                    + "without query or fragment (endpoint paths are appended to it)");
        }
        return text;
    }

    private static int maxSignatures(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MOST_SIGNATURES) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw invalid(MAX_SIGNATURES, text, "a whole number from 1 to " + MOST_SIGNATURES);
    }

    private static boolean bool(String key, String text) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw invalid(key, text, "true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(key + " must be " + expected + ", not '" + value + "'");
    }
}
