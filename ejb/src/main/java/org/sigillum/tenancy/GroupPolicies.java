package org.sigillum.tenancy;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.tenancy.GroupPolicy;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.hsm.KeySpec;

/**
 * Checks a group's policy when an operator sets it, and applies it where the service decides: key creation, the
 * document formats and levels, the SAD's lifetime and size, CSC auth/login and the SCAL of an authorization.
 * Each refusal says which rule of the group refused, never anything about another group.
 */
public final class GroupPolicies {

    public static final int MAX_NAME = 128;
    private static final Pattern KEY = Pattern.compile("RSA-(2048|3072|4096)|EC-P-(256|384|521)");
    private static final Set<String> FORMATS = Set.of("CADES", "XADES", "PADES", "JADES");
    private static final Set<String> LEVELS = Set.of("B-B", "B-T", "B-LT", "B-LTA");
    private static final Set<String> ASSURANCE = Set.of("low", "substantial", "high");
    private static final int MAX_SAD_SECONDS = 3600;
    private static final int MAX_IDENTITY_PROVIDERS = 20;

    private GroupPolicies() {
    }

    /** Refuses a policy with a value the server does not know, so that a typo never silently allows more. */
    public static GroupPolicy checked(GroupPolicy policy) throws ServiceException {
        if (policy == null) {
            return GroupPolicy.unrestricted();
        }
        requireAll(policy.keyAlgorithms(), "keyAlgorithms", v -> KEY.matcher(v).matches(),
                "RSA-2048, RSA-3072, RSA-4096, EC-P-256, EC-P-384, EC-P-521");
        requireAll(policy.signatureFormats(), "signatureFormats", v -> FORMATS.contains(v.toUpperCase(Locale.ROOT)),
                "CAdES, XAdES, PAdES, JAdES");
        requireAll(policy.signatureLevels(), "signatureLevels", v -> LEVELS.contains(v.toUpperCase(Locale.ROOT)),
                "B-B, B-T, B-LT, B-LTA");
        if (policy.sadLifetimeSeconds() != null
                && (policy.sadLifetimeSeconds() < 1 || policy.sadLifetimeSeconds() > MAX_SAD_SECONDS)) {
            throw invalid("sadLifetimeSeconds must be 1 to " + MAX_SAD_SECONDS);
        }
        if (policy.maxNumSignatures() != null && policy.maxNumSignatures() < 1) {
            throw invalid("maxNumSignatures must be at least 1");
        }
        if (policy.scal() != null && !policy.scal().equals("1") && !policy.scal().equals("2")) {
            throw invalid("scal must be \"1\" or \"2\"");
        }
        if (policy.identityProviders() != null && (policy.identityProviders().size() > MAX_IDENTITY_PROVIDERS
                || policy.identityProviders().stream().anyMatch(p -> p == null || p.isBlank() || p.length() > MAX_NAME))) {
            throw invalid("identityProviders must be at most " + MAX_IDENTITY_PROVIDERS + " names of 1 to "
                    + MAX_NAME + " characters");
        }
        for (String level : new String[] {policy.keyCreationLevel(), policy.signingLevel()}) {
            if (level != null && !ASSURANCE.contains(level)) {
                throw invalid("keyCreationLevel and signingLevel must be low, substantial or high");
            }
        }
        return policy;
    }

    /** The group's allowed key algorithms and sizes, at credential creation. */
    public static void requireKey(GroupPolicy policy, KeySpec spec) throws ServiceException {
        if (policy.keyAlgorithms() == null) {
            return;
        }
        String name = spec.algorithm() == KeyAlgorithm.RSA ? "RSA-" + spec.rsaBits() : "EC-" + spec.curve().cscName();
        if (policy.keyAlgorithms().stream().noneMatch(name::equalsIgnoreCase)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the group's policy does not allow " + name
                    + " keys; allowed: " + String.join(", ", policy.keyAlgorithms()));
        }
    }

    /** The group's allowed signature formats and levels, for each document signature. */
    public static void requireSignature(GroupPolicy policy, SignatureLevel level) throws ServiceException {
        String[] parts = level.name().split("_BASELINE_", 2);
        String format = parts[0];
        String baseline = parts.length == 2 ? "B-" + parts[1] : parts[0];
        if (policy.signatureFormats() != null && policy.signatureFormats().stream().noneMatch(format::equalsIgnoreCase)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the group's policy does not allow " + format
                    + " signatures; allowed: " + String.join(", ", policy.signatureFormats()));
        }
        if (policy.signatureLevels() != null && policy.signatureLevels().stream().noneMatch(baseline::equalsIgnoreCase)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the group's policy does not allow level AdES-"
                    + baseline + "; allowed: " + String.join(", ", policy.signatureLevels()));
        }
    }

    /** The most signatures one authorization may allow: the group's maximum within the server's. */
    public static int maxNumSignatures(GroupPolicy policy, int serverMaximum) {
        return policy.maxNumSignatures() == null ? serverMaximum : Math.min(policy.maxNumSignatures(), serverMaximum);
    }

    /** A SAD's lifetime: the group's within the server's. */
    public static long sadLifetimeSeconds(GroupPolicy policy, long serverLifetime) {
        return policy.sadLifetimeSeconds() == null ? serverLifetime : Math.min(policy.sadLifetimeSeconds(), serverLifetime);
    }

    /** CSC auth/login (HTTP Basic) for the group's users. */
    public static void requireBasicLogin(GroupPolicy policy) throws ServiceException {
        if (Boolean.FALSE.equals(policy.basicLogin())) {
            throw new ServiceException(ErrorCode.ACCESS_DENIED,
                    "auth/login is not allowed for this account's service providers; use OAuth 2.0");
        }
    }

    /** SCAL 2 in the group: every authorization names the hashes it allows, whatever the credential's own SCAL. */
    public static void requireScal(GroupPolicy policy, List<String> hashes) throws ServiceException {
        if ("2".equals(policy.scal()) && (hashes == null || hashes.isEmpty())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST,
                    "the group's policy requires SCAL 2: the authorization must name the hashes it will sign");
        }
    }

    private interface Check {
        boolean allows(String value);
    }

    private static void requireAll(List<String> values, String field, Check check, String known) throws ServiceException {
        if (values == null) {
            return;
        }
        if (values.isEmpty() || values.stream().anyMatch(v -> v == null || !check.allows(v))) {
            throw invalid(field + " must list some of " + known);
        }
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
