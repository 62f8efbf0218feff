package org.sigillum.api.csc;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** CSC v2 credential information. {@code credentialID} is filled in the entries of credentials/list only. */
public record CredentialInfo(String credentialID, String description, Key key, Cert cert, Auth auth,
                             @JsonbProperty("SCAL") String scal, Integer multisign, String lang) {

    /** Certificate status and chain (base64 DER, end entity first); DNs, serial and validity with certInfo. */
    public record Cert(String status, List<String> certificates, String issuerDN, String serialNumber,
                       String subjectDN, String validFrom, String validTo) {
    }

    public record Key(String status, List<String> algo, int len, String curve) {
    }

    public record Auth(String mode, String expression, List<AuthObject> objects) {
    }

    /** {@code generator} names how a one-time password is made ({@code totp}); absent for a PIN. */
    public record AuthObject(String type, String id, String format, String generator, String label, String description) {
    }
}
