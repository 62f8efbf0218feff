package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * CSC {@code signatures/signDoc}, with whole documents (each signed in the format, level and packaging it names) or
 * with documents' digests (each hash signed as a detached signature object the client keeps beside its document,
 * or, for a PDF, as the CMS the client embeds). Under SCAL 2 the SAD must have been authorized for the documents'
 * digests (the hash of each document's bytes, or for a PDF of its signed byte ranges, with the signature's hash
 * algorithm), which is what the user saw on the consent page.
 */
public record SignDocRequest(String credentialID, @JsonbProperty("SAD") String sad, List<Document> documents,
                             List<DocumentDigests> documentDigests, Boolean returnValidationInfo, String operationMode,
                             @JsonbProperty("validity_period") Long validityPeriod,
                             @JsonbProperty("response_uri") String responseUri, String clientData) {

    /** One document and how to sign it. */
    public record Document(String document, @JsonbProperty("signature_format") String signatureFormat,
                           @JsonbProperty("conformance_level") String conformanceLevel, String signAlgo,
                           String signAlgoParams, @JsonbProperty("signed_envelope_property") String signedEnvelopeProperty,
                           @JsonbProperty("signed_props") List<Object> signedProps) {

        @Override
        public String toString() {
            return "Document[" + signatureFormat + " " + conformanceLevel + " " + signedEnvelopeProperty + "]";
        }
    }

    /** Documents known by their hashes only, and how to sign each. */
    public record DocumentDigests(List<String> hashes, String hashAlgorithmOID,
                                  @JsonbProperty("signature_format") String signatureFormat,
                                  @JsonbProperty("conformance_level") String conformanceLevel, String signAlgo,
                                  String signAlgoParams,
                                  @JsonbProperty("signed_envelope_property") String signedEnvelopeProperty,
                                  @JsonbProperty("signed_props") List<Object> signedProps) {
    }

    @Override
    public String toString() {
        return "SignDocRequest[credentialID=" + credentialID + ", documents=" + (documents == null ? 0 : documents.size())
                + ", documentDigests=" + (documentDigests == null ? 0 : documentDigests.size()) + "]";
    }
}
