package org.sigillum.federation;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;

/** The checks a provider's fields must pass before they are stored. */
final class ProviderSettings {

    static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Set<String> OIDC_KEYS = Set.of("issuer", "clientId", "scopes", "levelClaim");
    /** docs/federation.md, SAML section; the metadata comes inline, from a file on every node, or from a URL. */
    static final Set<String> SAML_KEYS = Set.of("metadata", "metadataFile", "metadataUrl", "idpEntityId", "spEntityId",
            "nameIdFormat", "clockSkewSeconds");
    private static final int MAX_VALUE = 4096;
    /** Inline IdP metadata carries certificates: larger than any other setting. */
    private static final int MAX_METADATA = 256 * 1024;

    private ProviderSettings() {
    }

    static ProviderKind kind(String kind) throws ServiceException {
        for (ProviderKind candidate : ProviderKind.values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        throw new ServiceException(ErrorCode.INVALID_REQUEST, "kind must be OIDC or SAML");
    }

    static void check(ProviderKind kind, Map<String, String> settings, Map<String, String> levelMapping)
            throws ServiceException {
        if (settings == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "settings are required");
        }
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            if (entry.getValue() == null
                    || entry.getValue().length() > ("metadata".equals(entry.getKey()) ? MAX_METADATA : MAX_VALUE)) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "setting " + entry.getKey() + " is empty or too long");
            }
        }
        if (kind == ProviderKind.OIDC) {
            for (String key : settings.keySet()) {
                if (!OIDC_KEYS.contains(key)) {
                    throw new ServiceException(ErrorCode.INVALID_REQUEST, "unknown OIDC setting " + key
                            + "; known: " + String.join(", ", OIDC_KEYS.stream().sorted().toList()));
                }
            }
            issuer(settings.get("issuer"), "OIDC setting issuer");
            if (settings.get("clientId") == null || settings.get("clientId").isBlank()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "OIDC setting clientId is required");
            }
        }
        if (kind == ProviderKind.SAML) {
            saml(settings);
        }
        if (levelMapping == null || levelMapping.isEmpty()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST,
                    "levelMapping is required: the provider's acr or AuthnContextClassRef values to low, substantial or high");
        }
        for (Map.Entry<String, String> entry : levelMapping.entrySet()) {
            if (LevelOfAssurance.parse(entry.getValue()) == null) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST,
                        "levelMapping value for " + entry.getKey() + " must be low, substantial or high");
            }
        }
    }

    private static void saml(Map<String, String> settings) throws ServiceException {
        for (String key : settings.keySet()) {
            if (!SAML_KEYS.contains(key)) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "unknown SAML setting " + key
                        + "; known: " + String.join(", ", SAML_KEYS.stream().sorted().toList()));
            }
        }
        long sources = Set.of("metadata", "metadataFile", "metadataUrl").stream().filter(settings::containsKey).count();
        if (sources != 1) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST,
                    "SAML settings need exactly one of metadata, metadataFile and metadataUrl");
        }
        if (settings.containsKey("metadataUrl")) {
            issuer(settings.get("metadataUrl"), "SAML setting metadataUrl");
        }
        String skew = settings.get("clockSkewSeconds");
        if (skew != null && !skew.matches("[0-9]{1,3}") || skew != null && Integer.parseInt(skew) > 600) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "SAML setting clockSkewSeconds must be 0 to 600");
        }
    }

    /** An https issuer, or http on the loopback interface (a development provider such as bin/sigillum idp). */
    private static void issuer(String issuer, String what) throws ServiceException {
        URI uri;
        try {
            uri = issuer == null ? null : URI.create(issuer);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        boolean loopback = uri != null && uri.getHost() != null
                && (uri.getHost().equals("127.0.0.1") || uri.getHost().equals("localhost") || uri.getHost().equals("[::1]"));
        if (uri == null || uri.getHost() == null || what.startsWith("OIDC") && uri.getQuery() != null || uri.getFragment() != null
                || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST,
                    what + " must be an https URL (http only on the loopback interface)");
        }
    }
}
