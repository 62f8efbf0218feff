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
    private static final int MAX_VALUE = 4096;

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
            if (entry.getValue() == null || entry.getValue().length() > MAX_VALUE) {
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
            issuer(settings.get("issuer"));
            if (settings.get("clientId") == null || settings.get("clientId").isBlank()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "OIDC setting clientId is required");
            }
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

    /** An https issuer, or http on the loopback interface (a development provider such as bin/sigillum idp). */
    private static void issuer(String issuer) throws ServiceException {
        URI uri;
        try {
            uri = issuer == null ? null : URI.create(issuer);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        boolean loopback = uri != null && uri.getHost() != null
                && (uri.getHost().equals("127.0.0.1") || uri.getHost().equals("localhost") || uri.getHost().equals("[::1]"));
        if (uri == null || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST,
                    "OIDC setting issuer must be an https URL (http only on the loopback interface)");
        }
    }
}
