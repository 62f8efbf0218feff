package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * CSC {@code signatures/signDoc} answer: each signed document (or detached signature), base64, in request order,
 * and on request what a verifier needs to check the signer's certificates later (base64 DER).
 */
public record SignDocResponse(@JsonbProperty("DocumentWithSignature") List<String> documentWithSignature,
                              @JsonbProperty("SignatureObject") List<String> signatureObject,
                              ValidationInfo validationInfo) {

    /** The signer's certificate chain, with an OCSP response or a CRL for each certificate below the root. */
    public record ValidationInfo(List<String> ocsp, List<String> crl, List<String> certificates) {
    }

    @Override
    public String toString() {
        return "SignDocResponse[" + (documentWithSignature == null ? 0 : documentWithSignature.size()) + " documents]";
    }
}
