package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** CSC {@code signatures/signHash}. */
public record SignHashRequest(String credentialID, @JsonbProperty("SAD") String sad, List<String> hashes,
                              String hashAlgorithmOID, String signAlgo, String signAlgoParams, String operationMode,
                              String clientData) {

    @Override
    public String toString() {
        return "SignHashRequest[credentialID=" + credentialID + ", hashes=" + (hashes == null ? 0 : hashes.size()) + "]";
    }
}
