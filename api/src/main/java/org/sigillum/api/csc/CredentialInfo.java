package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * CSC v2 credential information. {@code credentialID} is filled in the entries of credentials/list only.
 * The certificate part arrives with the built-in CA.
 */
public record CredentialInfo(String credentialID, String description, Key key, Auth auth,
                             @JsonbProperty("SCAL") String scal, Integer multisign, String lang) {

    public record Key(String status, List<String> algo, int len, String curve) {
    }

    public record Auth(String mode, String expression, List<AuthObject> objects) {
    }

    public record AuthObject(String type, String id, String format, String label, String description) {
    }
}
