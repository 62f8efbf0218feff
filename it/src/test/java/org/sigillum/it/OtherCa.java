package org.sigillum.it;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A CA that is not this server's, made in the test with Bouncy Castle: its self-signed root, one signer it
 * certified, CAdES-B signatures of that signer (signing-certificate-v2, content attached) and a fresh CRL of the CA.
 */
final class OtherCa {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    final KeyPair caKeys;
    final X509CertificateHolder root;
    final KeyPair signerKeys;
    final X509CertificateHolder signer;

    private OtherCa(KeyPair caKeys, X509CertificateHolder root, KeyPair signerKeys, X509CertificateHolder signer) {
        this.caKeys = caKeys;
        this.root = root;
        this.signerKeys = signerKeys;
        this.signer = signer;
    }

    static OtherCa create(String caName) throws Exception {
        KeyPair caKeys = keys("EC");
        KeyPair signerKeys = keys("EC");
        X500Name ca = new X500Name("CN=" + caName + ",O=Elsewhere,C=EU");
        X509CertificateHolder root = selfSigned(ca, caKeys, true);
        Instant now = Instant.now();
        X509CertificateHolder signer = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(86400)), new X500Name("CN=Someone,O=Elsewhere,C=EU"), signerKeys.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        return new OtherCa(caKeys, root, signerKeys, signer);
    }

    static KeyPair keys(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize("EC".equals(algorithm) ? 256 : 2048);
        return generator.generateKeyPair();
    }

    /** A self-signed certificate valid from an hour ago for a day: a CA's root, or a signer of lists. */
    static X509CertificateHolder selfSigned(X500Name name, KeyPair keys, boolean ca) throws Exception {
        Instant now = Instant.now();
        String algorithm = "EC".equals(keys.getPublic().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(86400)), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()));
    }

    /** CAdES-B by the signer, with its chain and, when {@code withCrl}, the CA's CRL as revocation data. */
    byte[] cades(byte[] content, boolean withCrl) throws Exception {
        ESSCertIDv2 certId = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(signer.getEncoded()));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signerKeys.getPrivate()), signer));
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        generator.addCertificates(new JcaCertStore(List.of(converter.getCertificate(signer), converter.getCertificate(root))));
        if (withCrl) {
            generator.addCRL(crl());
        }
        return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
    }

    /** An empty CRL of the CA, issued a minute ago, next update in a day. */
    X509CRLHolder crl() throws Exception {
        Instant now = Instant.now();
        return new X509v2CRLBuilder(root.getSubject(), Date.from(now.minusSeconds(60)))
                .setNextUpdate(Date.from(now.plusSeconds(86400)))
                .addExtension(Extension.cRLNumber, false, new CRLNumber(serial()))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caKeys.getPublic()))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }
}
