package org.sigillum.enrollment;

import java.util.Objects;

/**
 * What to certify: the subject's name and its public key (X.509 SubjectPublicKeyInfo, DER), for the credential
 * that will hold the key (so that the CA's register can find the certificate again when it is revoked).
 */
public record CertificateRequest(String credentialId, String commonName, byte[] subjectPublicKeyInfo) {

    public CertificateRequest {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(commonName, "commonName");
        subjectPublicKeyInfo = Objects.requireNonNull(subjectPublicKeyInfo, "subjectPublicKeyInfo").clone();
    }

    @Override
    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }
}
