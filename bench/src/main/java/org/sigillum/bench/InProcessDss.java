package org.sigillum.bench;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SerializableSignatureParameters;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.signature.DocumentSignatureService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The baseline of bench documents: DSS signing a document in this JVM with an RSA-2048 software key and a
 * self-signed certificate, the same level, packaging and digest as the server is asked for.
 */
final class InProcessDss {

    enum Format { PADES, XADES, CADES }

    private final KeyPair keys;
    private final CertificateToken certificate;

    InProcessDss() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=bench,O=Sigillum");
        Instant now = Instant.now();
        certificate = new CertificateToken(new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(86400)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))));
    }

    /** Signs once; returns the signed document's length, so the work cannot be optimised away. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    long sign(Format format, byte[] content) throws Exception {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        AbstractSignatureParameters<?> parameters;
        DocumentSignatureService service;
        switch (format) {
            case PADES -> {
                parameters = new PAdESSignatureParameters();
                parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
                service = new PAdESService(verifier);
            }
            case XADES -> {
                parameters = new XAdESSignatureParameters();
                parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
                parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
                service = new XAdESService(verifier);
            }
            default -> {
                parameters = new CAdESSignatureParameters();
                parameters.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
                parameters.setSignaturePackaging(SignaturePackaging.ENVELOPING);
                service = new CAdESService(verifier);
            }
        }
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(certificate);
        parameters.setCertificateChain(certificate);
        InMemoryDocument document = new InMemoryDocument(content, "document");
        ToBeSigned toBeSigned = service.getDataToSign(document, (SerializableSignatureParameters) parameters);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(toBeSigned.getBytes());
        SignatureValue value = new SignatureValue(eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256,
                signature.sign());
        return service.signDocument(document, (SerializableSignatureParameters) parameters, value).openStream()
                .transferTo(java.io.OutputStream.nullOutputStream());
    }
}
