package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * CSC v2 {@code info} response (section 11.1), built from live configuration and the HSM's mechanisms. Exactly one
 * of {@code oauth2} and {@code oauth2Issuer} is set: the specification makes each conditional on the other's
 * absence, and clients (the EUDI library among them) refuse an answer that carries both.
 */
@JsonbPropertyOrder({"specs", "name", "logo", "region", "lang", "description", "authType", "oauth2", "oauth2Issuer",
        "asynchronousOperationMode", "methods", "validationInfo", "signAlgorithms", "signatureFormats",
        "conformanceLevels"})
public record InfoResponse(String specs, String name, String logo, String region, String lang, String description,
                           List<String> authType, String oauth2, String oauth2Issuer, Boolean asynchronousOperationMode,
                           List<String> methods, Boolean validationInfo, SignAlgorithms signAlgorithms,
                           @JsonbProperty("signature_formats") SignatureFormats signatureFormats,
                           @JsonbProperty("conformance_levels") List<String> conformanceLevels) {

    public InfoResponse {
        authType = List.copyOf(authType);
        methods = List.copyOf(methods);
        conformanceLevels = conformanceLevels == null ? null : List.copyOf(conformanceLevels);
    }

    public record SignAlgorithms(List<String> algos) {
        public SignAlgorithms {
            algos = List.copyOf(algos);
        }
    }

    /** The signDoc formats (C, X, P, J) and, at the same index, the envelope properties each allows. */
    public record SignatureFormats(List<String> formats,
                                   @JsonbProperty("envelope_properties") List<List<String>> envelopeProperties) {
        public SignatureFormats {
            formats = List.copyOf(formats);
            envelopeProperties = envelopeProperties.stream().map(List::copyOf).toList();
        }
    }
}
