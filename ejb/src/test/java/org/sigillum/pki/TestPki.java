package org.sigillum.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA and a TSA with software keys, standing in for the HSM's in tests of the pure builders. */
public final class TestPki {

    final KeyPair caKey = ecKey();
    public final X509CertificateHolder ca = certificate("CN=Test CA", "CN=Test CA", caKey, caKey, true, null);
    final KeyPair tsaKey = ecKey();
    final X509CertificateHolder tsa = certificate("CN=Test CA", "CN=Test TSA", tsaKey, caKey, false,
            KeyPurposeId.id_kp_timeStamping);

    static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentSigner signer(KeyPair key) {
        try {
            return new JcaContentSignerBuilder("SHA384withECDSA").build(key.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509CertificateHolder certificate(String issuer, String subject, KeyPair key, KeyPair issuerKey,
                                                     boolean ca, KeyPurposeId purpose) {
        try {
            BigInteger serial = BigInteger.valueOf(System.nanoTime());
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(new X500Name(issuer), serial,
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject),
                    SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
            }
            return builder.build(signer(issuerKey));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
