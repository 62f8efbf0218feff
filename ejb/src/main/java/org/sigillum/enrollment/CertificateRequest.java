package org.sigillum.enrollment;

import java.util.Objects;

/** What to certify: the subject's name and its public key (X.509 SubjectPublicKeyInfo, DER). */
public record CertificateRequest(String commonName, byte[] subjectPublicKeyInfo) {

    public CertificateRequest {
        Objects.requireNonNull(commonName, "commonName");
        subjectPublicKeyInfo = Objects.requireNonNull(subjectPublicKeyInfo, "subjectPublicKeyInfo").clone();
    }

    @Override
    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }
}
