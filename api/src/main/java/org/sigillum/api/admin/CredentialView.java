package org.sigillum.api.admin;

import jakarta.json.bind.annotation.JsonbProperty;

/** A credential as operators see it: never the wrapped key, only the public key (base64 SubjectPublicKeyInfo). */
public record CredentialView(@JsonbProperty("credentialID") String credentialId, String ownerId, String keyAlgo,
                             int keyLength, String curve, String status, @JsonbProperty("SCAL") String scal,
                             String publicKey, String createdAt) {
}
