package org.sigillum.enrollment;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.WrappedKey;

/**
 * A key of the built-in PKI (a CA or the TSA) as the services that sign with it see it: its certificate, and
 * signers that sign inside the HSM. The private key never appears here, only its wrapped form.
 */
public final class CaKey {

    private final HsmConnectionFactory hsm;
    private final WrappedKey key;
    private final X509CertificateHolder certificate;

    CaKey(HsmConnectionFactory hsm, WrappedKey key, X509CertificateHolder certificate) {
        this.hsm = hsm;
        this.key = key;
        this.certificate = certificate;
    }

    public X509CertificateHolder certificate() {
        return certificate;
    }

    /** A new signer for one signature (Bouncy Castle signers buffer what they sign, so they are not shared). */
    public ContentSigner signer() {
        return new HsmContentSigner(hsm, key);
    }
}
