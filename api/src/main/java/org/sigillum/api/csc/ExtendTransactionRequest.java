package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** CSC {@code credentials/extendTransaction}. */
public record ExtendTransactionRequest(String credentialID, List<String> hashes, String hashAlgorithmOID,
                                       @JsonbProperty("SAD") String sad, String clientData) {

    @Override
    public String toString() {
        return "ExtendTransactionRequest[credentialID=" + credentialID + "]";
    }
}
