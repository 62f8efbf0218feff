package org.sigillum.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.zip.InflaterInputStream;
import java.util.zip.Inflater;
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
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A SAML identity provider inside the test: its metadata (registered inline with the server), and responses it
 * signs with its own key, correct or forged one way each (checklist C9, C10). It is never contacted over the
 * network: the test reads Sigillum's AuthnRequest from the redirect and posts the answer to /saml/acs itself.
 */
final class HostileSamlProvider {

    static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String PASSWORD = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    static final String OTP = "urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken";

    final String entityId = "https://saml-idp.test/" + Long.toHexString(new SecureRandom().nextLong());
    final String ssoUrl = entityId + "/sso";
    final KeyPair key = rsaKey();
    final X509Certificate certificate = selfSigned(key, "CN=Hostile SAML IdP");

    /** One response; each test changes the field it forges. */
    static final class Spec {
        String responseId = "_r" + Long.toHexString(new SecureRandom().nextLong());
        String assertionId = "_a" + Long.toHexString(new SecureRandom().nextLong());
        String issuer;
        String destination;
        String inResponseTo;
        String recipient;
        String audience;
        Instant notBefore = Instant.now().minusSeconds(30);
        Instant notOnOrAfter = Instant.now().plusSeconds(300);
        String nameId;
        String classRef = PASSWORD;
    }

    /** A correct answer to request {@code requestId} for subject {@code nameId}, addressed to {@code acs} and {@code audience}. */
    Spec spec(String requestId, String nameId, String acs, String audience) {
        Spec spec = new Spec();
        spec.issuer = entityId;
        spec.destination = acs;
        spec.recipient = acs;
        spec.inResponseTo = requestId;
        spec.audience = audience;
        spec.nameId = nameId;
        return spec;
    }

    String metadata() {
        return "<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata' "
                + "xmlns:ds='http://www.w3.org/2000/09/xmldsig#' entityID='" + entityId + "'>"
                + "<md:IDPSSODescriptor protocolSupportEnumeration='urn:oasis:names:tc:SAML:2.0:protocol'>"
                + "<md:KeyDescriptor use='signing'><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + base64(certificate) + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleLogoutService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect' Location='"
                + entityId + "/slo'/>"
                + "<md:SingleSignOnService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect' Location='"
                + ssoUrl + "'/></md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    /** The response with its assertion signed by this provider's (pinned) key. */
    Document signed(Spec spec) {
        Document response = unsigned(spec);
        sign(assertion(response), key.getPrivate(), certificate);
        return response;
    }

    static Document unsigned(Spec spec) {
        return parse("<samlp:Response xmlns:samlp='" + PROTOCOL_NS + "' xmlns:saml='" + ASSERTION_NS + "' ID='"
                + spec.responseId + "' Version='2.0' IssueInstant='" + Instant.now() + "' Destination='" + spec.destination
                + "' InResponseTo='" + spec.inResponseTo + "'><saml:Issuer>" + spec.issuer + "</saml:Issuer>"
                + "<samlp:Status><samlp:StatusCode Value='urn:oasis:names:tc:SAML:2.0:status:Success'/></samlp:Status>"
                + assertionXml(spec) + "</samlp:Response>");
    }

    static String assertionXml(Spec spec) {
        return "<saml:Assertion xmlns:saml='" + ASSERTION_NS + "' ID='" + spec.assertionId + "' Version='2.0' IssueInstant='"
                + spec.notBefore + "'><saml:Issuer>" + spec.issuer + "</saml:Issuer><saml:Subject>"
                + "<saml:NameID Format='urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'>" + spec.nameId + "</saml:NameID>"
                + "<saml:SubjectConfirmation Method='urn:oasis:names:tc:SAML:2.0:cm:bearer'><saml:SubjectConfirmationData "
                + "InResponseTo='" + spec.inResponseTo + "' NotOnOrAfter='" + spec.notOnOrAfter + "' Recipient='"
                + spec.recipient + "'/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore='"
                + spec.notBefore + "' NotOnOrAfter='" + spec.notOnOrAfter + "'><saml:AudienceRestriction><saml:Audience>"
                + spec.audience + "</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement "
                + "AuthnInstant='" + spec.notBefore + "' SessionIndex='s-" + spec.assertionId + "'><saml:AuthnContext>"
                + "<saml:AuthnContextClassRef>" + spec.classRef + "</saml:AuthnContextClassRef></saml:AuthnContext>"
                + "</saml:AuthnStatement></saml:Assertion>";
    }

    static Element assertion(Document response) {
        return (Element) response.getElementsByTagNameNS(ASSERTION_NS, "Assertion").item(0);
    }

    static Element importAssertion(Document response, Spec spec) {
        return (Element) response.importNode(parse(assertionXml(spec)).getDocumentElement(), true);
    }

    /** An enveloped RSA-SHA256 signature after the element's Issuer, with the certificate in KeyInfo. */
    static void sign(Element element, PrivateKey signingKey, X509Certificate keyInfoCertificate) {
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            element.setIdAttributeNS(null, "ID", true);
            Reference reference = factory.newReference("#" + element.getAttribute("ID"),
                    factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)), null, null);
            SignedInfo signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(keyInfoCertificate))));
            Node issuer = element.getElementsByTagNameNS(ASSERTION_NS, "Issuer").item(0);
            DOMSignContext context = new DOMSignContext(signingKey, element, issuer.getNextSibling());
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (Exception e) {
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
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The XML of a redirect-bound message: base64 of raw DEFLATE. */
    static String inflate(String samlRequest) {
        try (InflaterInputStream in = new InflaterInputStream(
                new ByteArrayInputStream(Base64.getMimeDecoder().decode(samlRequest)), new Inflater(true))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate selfSigned(KeyPair key, String name) {
        try {
            Instant now = Instant.now();
            byte[] der = new JcaX509v3CertificateBuilder(new X500Name(name), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86400)), new X500Name(name), key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
            return certificate(Base64.getEncoder().encodeToString(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
