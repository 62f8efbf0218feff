package org.sigillum.api.admin;

import java.util.List;

/**
 * Signs digests with a fresh diagnostic key through the pooled adapter, and returns its public key so the
 * caller can verify the signatures independently. {@code keyCacheSeconds} > 0 leaves the unwrapped key cached.
 */
public record DiagnosticSignRequest(String keyAlgo, Integer keyLength, String curve, String hashAlgorithmOID,
                                    String signAlgo, List<String> hashes, Integer keyCacheSeconds) {
}
