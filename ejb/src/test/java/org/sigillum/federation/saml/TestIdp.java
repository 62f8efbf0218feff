package org.sigillum.federation.saml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.namespace.QName;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.keycloak.saml.processing.core.util.XMLEncryptionUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A SAML identity provider made of a software RSA key, for the tests that build and sign their own responses,
 * correct ones and each forgery of checklist C9/C10. Nothing here is used by the server.
 */
final class TestIdp {

    static final String ENTITY_ID = "https://idp.test/realms/test";
    static final String SP_ENTITY_ID = "https://sigillum.test/saml/metadata";
    static final String ACS = "https://sigillum.test/saml/acs";
    static final String SLO = "https://sigillum.test/saml/slo";
    static final String PASSWORD_CLASS = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    static final String OTP_CLASS = "urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken";

    /** One key for all tests: RSA key generation is the slow part of these tests. */
    private static final KeyPair KEY = rsaKey();
    private static final X509Certificate CERTIFICATE = selfSigned(KEY, "CN=Test IdP");

    final KeyPair key = KEY;
    final X509Certificate certificate = CERTIFICATE;

    /** What one response says; each test changes the field it forges. */
    static final class Spec {
        String responseId = "_r" + random();
        String assertionId = "_a" + random();
        String issuer = ENTITY_ID;
        String destination = ACS;
        String inResponseTo = "_req1";
        String confirmationInResponseTo = "_req1";
        String recipient = ACS;
        String audience = SP_ENTITY_ID;
        Instant issued = Instant.now();
        Instant notBefore = Instant.now().minusSeconds(30);
        Instant notOnOrAfter = Instant.now().plusSeconds(300);
        String nameId = "ana";
        String classRef = PASSWORD_CLASS;
        String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
    }

    Document response(Spec spec) {
        String xml = "<samlp:Response xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol' "
                + "xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='" + spec.responseId + "' Version='2.0' IssueInstant='"
                + spec.issued + "' Destination='" + spec.destination + "' InResponseTo='" + spec.inResponseTo + "'>"
                + "<saml:Issuer>" + spec.issuer + "</saml:Issuer>"
                + "<samlp:Status><samlp:StatusCode Value='" + spec.status + "'/></samlp:Status>"
                + assertionXml(spec)
                + "</samlp:Response>";
        return parse(xml);
    }

    static String assertionXml(Spec spec) {
        return "<saml:Assertion xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='" + spec.assertionId
                + "' Version='2.0' IssueInstant='" + spec.issued + "'>"
                + "<saml:Issuer>" + spec.issuer + "</saml:Issuer>"
                + "<saml:Subject><saml:NameID Format='urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'>" + spec.nameId
                + "</saml:NameID><saml:SubjectConfirmation Method='urn:oasis:names:tc:SAML:2.0:cm:bearer'>"
                + "<saml:SubjectConfirmationData InResponseTo='" + spec.confirmationInResponseTo + "' NotOnOrAfter='"
                + spec.notOnOrAfter + "' Recipient='" + spec.recipient + "'/></saml:SubjectConfirmation></saml:Subject>"
                + "<saml:Conditions NotBefore='" + spec.notBefore + "' NotOnOrAfter='" + spec.notOnOrAfter + "'>"
                + "<saml:AudienceRestriction><saml:Audience>" + spec.audience + "</saml:Audience></saml:AudienceRestriction>"
                + "</saml:Conditions>"
                + "<saml:AuthnStatement AuthnInstant='" + spec.issued + "' SessionIndex='s1'><saml:AuthnContext>"
                + "<saml:AuthnContextClassRef>" + spec.classRef + "</saml:AuthnContextClassRef></saml:AuthnContext>"
                + "</saml:AuthnStatement></saml:Assertion>";
    }

    static Element assertionOf(Document response) {
        return (Element) response.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
    }

    /** An enveloped RSA-SHA256 signature right after the element's Issuer, as the schema places it. */
    static void sign(Element element, PrivateKey signingKey, X509Certificate keyInfoCertificate) {
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            element.setIdAttributeNS(null, "ID", true);
            Reference reference = factory.newReference("#" + element.getAttribute("ID"),
                    factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
            KeyInfo keyInfo = null;
            if (keyInfoCertificate != null) {
                KeyInfoFactory keys = factory.getKeyInfoFactory();
                keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(keyInfoCertificate))));
            }
            Node issuer = SamlXml.child(element, SamlXml.ASSERTION, "Issuer");
            DOMSignContext context = new DOMSignContext(signingKey, element, issuer.getNextSibling());
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (GeneralSecurityException | javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    void signAssertion(Document response) {
        sign(assertionOf(response), key.getPrivate(), certificate);
    }

    void signResponse(Document response) {
        sign(response.getDocumentElement(), key.getPrivate(), certificate);
    }

    /** Replaces the response's assertion by an EncryptedAssertion (AES-128-GCM, key transported with RSA-OAEP). */
    static void encryptAssertion(Document response, X509Certificate recipient) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(128);
            SecretKey secret = generator.generateKey();
            XMLEncryptionUtil.encryptElement(new QName(SamlXml.ASSERTION, "Assertion"), response, recipient.getPublicKey(),
                    secret, 128, new QName(SamlXml.ASSERTION, "EncryptedAssertion", "saml"), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(Document document) {
        return Base64.getEncoder().encodeToString(serialize(document).getBytes(StandardCharsets.UTF_8));
    }

    static String serialize(Node node) {
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(String xml) {
        try {
            return SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    IdentityProviderTrust trust() {
        return new IdentityProviderTrust(ENTITY_ID, "https://idp.test/sso", "https://idp.test/slo", List.of(certificate));
    }

    static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate selfSigned(KeyPair key, String name) {
        try {
            Instant now = Instant.now();
            byte[] der = new JcaX509v3CertificateBuilder(new X500Name(name), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86400)), new X500Name(name), key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        return Long.toHexString(new java.security.SecureRandom().nextLong());
    }
}
