package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** CSC {@code signatures/signDoc} answer: each signed document (or detached signature), base64, in request order. */
public record SignDocResponse(@JsonbProperty("DocumentWithSignature") List<String> documentWithSignature,
                              @JsonbProperty("SignatureObject") List<String> signatureObject) {

    @Override
    public String toString() {
        return "SignDocResponse[" + (documentWithSignature == null ? 0 : documentWithSignature.size()) + " documents]";
    }
}
