package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.junit.jupiter.api.Test;

/**
 * Validation trusts the built-in root and the anchors the operator adds: a CAdES signature under another CA has
 * no trusted chain until that CA's root is added, and none again once it is removed.
 */
class TrustAnchorsIT {

    @Test
    void anOperatorAnchorMakesAnotherCasChainTrusted() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair signerKeys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=Other Root,O=Elsewhere,C=EU");
        X509CertificateHolder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        X509CertificateHolder signer = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(now.toEpochMilli() + 1),
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)),
                new X500Name("CN=Someone,O=Elsewhere,C=EU"), signerKeys.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        byte[] cms = cades(signer, ca, signerKeys, "contract".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms));
        Sigillum.Reply added = Sigillum.operatorPost("/api/v1/trust-anchors",
                Sigillum.object().put("certificate", Base64.getEncoder().encodeToString(ca.getEncoded())));
        assertEquals(201, added.status(), added.body());
        String id = added.json().get("id").asText();
        assertNotEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms), "the chain is found once its root is trusted");
        assertEquals(204, Sigillum.delete("/api/v1/trust-anchors/" + id).status());
        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms));

        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/trust-anchors", Sigillum.object().put("certificate", "AAAA")),
                400, "invalid_request");
        ApiErrors.assertError(Sigillum.post("/api/v1/trust-anchors", "application/json", "{}", null), 401, "invalid_token");
    }

    private static String subIndication(byte[] signed) {
        JsonNode signature = SignatureValidationIT.validate(signed, null).get("signatures").get(0);
        return signature.path("subIndication").asText();
    }

    /** CAdES-B made here with Bouncy Castle: signing-certificate-v2 attribute, content attached. */
    private static byte[] cades(X509CertificateHolder signer, X509CertificateHolder ca, KeyPair keys, byte[] content)
            throws Exception {
        ESSCertIDv2 certId = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(signer.getEncoded()));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()), signer));
        Store<X509CertificateHolder> certificates = new JcaCertStore(java.util.List.of(
                new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(signer),
                new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(ca)));
        generator.addCertificates(certificates);
        return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
    }
}
