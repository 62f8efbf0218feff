package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * CSC {@code signatures/signHash}. {@code operationMode} "A" asks for asynchronous signing: the answer is a
 * responseID, and the outcome is kept for {@code validity_period} milliseconds for signatures/signPolling.
 */
public record SignHashRequest(String credentialID, @JsonbProperty("SAD") String sad, List<String> hashes,
                              String hashAlgorithmOID, String signAlgo, String signAlgoParams, String operationMode,
                              @JsonbProperty("validity_period") Long validityPeriod,
                              @JsonbProperty("response_uri") String responseUri, String clientData) {

    @Override
    public String toString() {
        return "SignHashRequest[credentialID=" + credentialID + ", hashes=" + (hashes == null ? 0 : hashes.size()) + "]";
    }
}
