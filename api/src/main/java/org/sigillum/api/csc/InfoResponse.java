package org.sigillum.api.csc;

import java.util.List;

/** CSC v2 {@code info} response (section 11.1), built from live configuration and the HSM's mechanisms. */
public record InfoResponse(String specs, String name, String logo, String region, String lang, String description,
                           List<String> authType, String oauth2, String oauth2Issuer, List<String> methods,
                           SignAlgorithms signAlgorithms) {

    public InfoResponse {
        authType = List.copyOf(authType);
        methods = List.copyOf(methods);
    }

    public record SignAlgorithms(List<String> algos) {
        public SignAlgorithms {
            algos = List.copyOf(algos);
        }
    }
}
