package org.sigillum.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The certificate profiles, with software keys standing in for the HSM's (only the builders are tested here). */
class CertificatesTest {

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate jca(X509CertificateHolder holder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    @Test
    void hierarchyVerifiesAndCarriesTheProfiles() throws Exception {
        Instant now = Instant.now();
        KeyPair rootKey = ecKey();
        KeyPair issuingKey = ecKey();
        KeyPair userKey = ecKey();
        X509CertificateHolder root = Certificates.root(Certificates.caName("Root"),
                SubjectPublicKeyInfo.getInstance(rootKey.getPublic().getEncoded()), now, Duration.ofDays(3650),
                new JcaContentSignerBuilder("SHA384withECDSA").build(rootKey.getPrivate()));
        X509CertificateHolder issuing = Certificates.subCa(root, Certificates.caName("Issuing"),
                SubjectPublicKeyInfo.getInstance(issuingKey.getPublic().getEncoded()), now, Duration.ofDays(1000),
                "https://sigillum.example",
                new JcaContentSignerBuilder("SHA384withECDSA").build(rootKey.getPrivate()));
        X509CertificateHolder user = Certificates.endEntity(issuing, Certificates.userName("alice"),
                SubjectPublicKeyInfo.getInstance(userKey.getPublic().getEncoded()), now, Duration.ofDays(730),
                "https://sign.example", new JcaContentSignerBuilder("SHA384withECDSA").build(issuingKey.getPrivate()));

        jca(root).verify(rootKey.getPublic());
        jca(issuing).verify(rootKey.getPublic());
        jca(user).verify(issuingKey.getPublic());
        assertEquals(1, jca(root).getBasicConstraints());
        assertEquals(0, jca(issuing).getBasicConstraints());
        assertEquals(-1, jca(user).getBasicConstraints());
        assertTrue(jca(user).getKeyUsage()[1], "nonRepudiation");
        assertTrue(jca(user).getSubjectX500Principal().getName().contains("CN=alice"));
        assertTrue(jca(user).getNotBefore().toInstant().isBefore(now), "back-dated for clock skew");
        assertTrue(new String(jca(user).getExtensionValue("1.3.6.1.5.5.7.1.1"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("https://sign.example/ocsp"));
    }

    @Test
    void serialsAreRandomPositiveAndLong() {
        assertTrue(Certificates.serial().signum() > 0);
        assertEquals(128, Certificates.serial().bitLength());
        assertNotEquals(Certificates.serial(), Certificates.serial());
    }

    @Test
    void timeStampingCertificateHasOnlyTheCriticalTimeStampingUsageAndEndsWithItsIssuer() throws Exception {
        Instant now = Instant.now();
        KeyPair issuingKey = ecKey();
        KeyPair tsaKey = ecKey();
        X509CertificateHolder issuing = Certificates.root(Certificates.caName("Issuing"),
                SubjectPublicKeyInfo.getInstance(issuingKey.getPublic().getEncoded()), now, Duration.ofDays(365),
                new JcaContentSignerBuilder("SHA384withECDSA").build(issuingKey.getPrivate()));
        X509CertificateHolder tsa = Certificates.timeStamping(issuing, Certificates.caName("TSA"),
                SubjectPublicKeyInfo.getInstance(tsaKey.getPublic().getEncoded()), now, Duration.ofDays(5 * 365),
                "http://127.0.0.1:8080", new JcaContentSignerBuilder("SHA384withECDSA").build(issuingKey.getPrivate()));
        X509Certificate certificate = jca(tsa);
        certificate.verify(issuingKey.getPublic());
        assertEquals(java.util.List.of("1.3.6.1.5.5.7.3.8"), certificate.getExtendedKeyUsage());
        assertTrue(certificate.getCriticalExtensionOIDs().contains("2.5.29.37"), "extendedKeyUsage is critical");
        assertTrue(certificate.getKeyUsage()[0], "digitalSignature");
        assertEquals(issuing.getNotAfter(), tsa.getNotAfter(), "capped at the issuer's end");
    }
}
