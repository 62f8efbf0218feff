package org.sigillum.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA and a TSA with software keys, standing in for the HSM's in tests of the pure builders; also the CA's
 * certificates and CRLs for tests elsewhere that need a PKI outside this server.
 */
public final class TestPki {

    final KeyPair caKey = ecKey();
    public final X509CertificateHolder ca = certificate("CN=Test CA", "CN=Test CA", caKey, caKey, true, null, null);
    final KeyPair tsaKey = ecKey();
    final X509CertificateHolder tsa = certificate("CN=Test CA", "CN=Test TSA", tsaKey, caKey, false,
            KeyPurposeId.id_kp_timeStamping, null);

    public X509CertificateHolder caCertificate() {
        return ca;
    }

    /** An end-entity certificate of the CA whose CRL distribution point is {@code crlUrl}. */
    public X509CertificateHolder issue(String subject, String crlUrl) {
        return certificate("CN=Test CA", subject, ecKey(), caKey, false, null, crlUrl);
    }

    /** The CA's CRL, valid for an hour, with {@code serial} revoked (key compromise) a minute ago. */
    public X509CRLHolder crlRevoking(BigInteger serial) throws IOException {
        Instant now = Instant.now();
        return Crls.build(ca, signer(caKey), BigInteger.ONE, now, now.plusSeconds(3600),
                List.of(new RevokedEntry(serial, now.minusSeconds(60), CRLReason.keyCompromise)));
    }

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
                                                     boolean ca, KeyPurposeId purpose, String crlUrl) {
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
            if (crlUrl != null) {
                GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(where), null, null)}));
            }
            return builder.build(signer(issuerKey));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
