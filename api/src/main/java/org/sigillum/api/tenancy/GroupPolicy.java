package org.sigillum.api.tenancy;

import java.util.List;

/**
 * What the service providers of one group may do; a field left out allows what the server allows.
 * {@code keyAlgorithms} name keys as {@code RSA-2048} or {@code EC-P-256}; {@code signatureFormats} are
 * {@code CAdES}, {@code XAdES}, {@code PAdES}, {@code JAdES}; {@code signatureLevels} are {@code B-B}, {@code B-T},
 * {@code B-LT}, {@code B-LTA}; {@code scal} "2" demands SCAL 2 (every authorization names its hashes);
 * {@code basicLogin} false refuses CSC auth/login for the group's users. {@code identityProviders},
 * {@code keyCreationLevel} and {@code signingLevel} are stored and validated for federation.
 */
public record GroupPolicy(List<String> keyAlgorithms, List<String> signatureFormats, List<String> signatureLevels,
                          Integer sadLifetimeSeconds, Integer maxNumSignatures, Boolean basicLogin, String scal,
                          List<String> identityProviders, String keyCreationLevel, String signingLevel) {

    /** The policy of the default group: the server's own limits, nothing narrower. */
    public static GroupPolicy unrestricted() {
        return new GroupPolicy(null, null, null, null, null, null, null, null, null, null);
    }
}
