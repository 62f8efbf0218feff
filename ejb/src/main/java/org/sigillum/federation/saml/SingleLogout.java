package org.sigillum.federation.saml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.sigillum.federation.saml.SamlRefusal.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * SAML single logout over HTTP-Redirect, both ways: Sigillum's LogoutRequest when a user logs out here, the
 * provider's LogoutResponse to it, and the provider's own LogoutRequest (the user logged out elsewhere), which
 * Sigillum answers with a LogoutResponse. Every message in either direction is signed; incoming ones are
 * checked against the provider's pinned keys, their schema, destination and issuer.
 */
public final class SingleLogout {

    static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    /** A provider's request to end the sessions of {@code subject} (all of them when no session index is given). */
    public record LogoutRequest(String id, String subject, List<String> sessionIndexes) {
    }

    private SingleLogout() {
    }

    public static String requestXml(String id, ServiceProvider sp, IdentityProviderTrust idp, String subject,
                                    String nameIdFormat, String sessionIndex, Clock clock) {
        Document document = SamlXml.newDocument();
        Element request = message(document, "LogoutRequest", id, idp.singleLogoutUrl(), sp, clock);
        Element nameId = document.createElementNS(SamlXml.ASSERTION, "saml:NameID");
        if (nameIdFormat != null && !nameIdFormat.isEmpty()) {
            nameId.setAttribute("Format", nameIdFormat);
        }
        nameId.setTextContent(subject);
        request.appendChild(nameId);
        if (sessionIndex != null) {
            Element index = document.createElementNS(SamlXml.PROTOCOL, "samlp:SessionIndex");
            index.setTextContent(sessionIndex);
            request.appendChild(index);
        }
        return serialize(document);
    }

    public static String responseXml(String id, ServiceProvider sp, IdentityProviderTrust idp, String inResponseTo,
                                     Clock clock) {
        Document document = SamlXml.newDocument();
        Element response = message(document, "LogoutResponse", id, idp.singleLogoutUrl(), sp, clock);
        response.setAttribute("InResponseTo", inResponseTo);
        Element status = document.createElementNS(SamlXml.PROTOCOL, "samlp:Status");
        Element code = document.createElementNS(SamlXml.PROTOCOL, "samlp:StatusCode");
        code.setAttribute("Value", SUCCESS);
        status.appendChild(code);
        response.appendChild(status);
        return serialize(document);
    }

    /** Checks a provider's LogoutRequest that arrived at our SLO endpoint. */
    public static LogoutRequest readRequest(String rawQuery, ServiceProvider sp, IdentityProviderTrust idp, Clock clock)
            throws SamlRefusal {
        Element request = incoming(rawQuery, "SAMLRequest", "LogoutRequest", sp, idp);
        if (request.hasAttribute("NotOnOrAfter") && !clock.instant().isBefore(
                ResponseValidator.instant(request, "NotOnOrAfter").plus(sp.clockSkew()))) {
            throw new SamlRefusal(Reason.EXPIRED, "the logout request expired at " + request.getAttribute("NotOnOrAfter"));
        }
        String subject = SamlXml.text(SamlXml.child(request, SamlXml.ASSERTION, "NameID"));
        if (subject == null || subject.isEmpty()) {
            throw new SamlRefusal(Reason.NO_SUBJECT, "the logout request names no NameID");
        }
        List<String> indexes = SamlXml.children(request, SamlXml.PROTOCOL, "SessionIndex").stream().map(SamlXml::text).toList();
        return new LogoutRequest(request.getAttribute("ID"), subject, indexes);
    }

    /** Checks the provider's answer to our LogoutRequest {@code requestId}; true if it ended its session. */
    public static boolean readResponse(String rawQuery, ServiceProvider sp, IdentityProviderTrust idp, String requestId)
            throws SamlRefusal {
        Element response = incoming(rawQuery, "SAMLResponse", "LogoutResponse", sp, idp);
        if (requestId == null || !requestId.equals(response.getAttribute("InResponseTo"))) {
            throw new SamlRefusal(Reason.IN_RESPONSE_TO, "the logout response answers '" + response.getAttribute("InResponseTo") + "'");
        }
        Element status = SamlXml.child(response, SamlXml.PROTOCOL, "Status");
        return SUCCESS.equals(SamlXml.child(status, SamlXml.PROTOCOL, "StatusCode").getAttribute("Value"));
    }

    private static Element incoming(String rawQuery, String parameter, String expected, ServiceProvider sp,
                                    IdentityProviderTrust idp) throws SamlRefusal {
        String xml = RedirectBinding.verifiedMessage(rawQuery, parameter, idp.signingCertificates());
        Document document;
        try {
            document = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
            SamlXml.validateProtocolMessage(document);
        } catch (SAXException | IOException e) {
            throw new SamlRefusal(Reason.SCHEMA, "the " + expected + " does not follow the SAML 2.0 schema: " + e.getMessage(), e);
        }
        Element message = document.getDocumentElement();
        if (!SamlXml.PROTOCOL.equals(message.getNamespaceURI()) || !expected.equals(message.getLocalName())) {
            throw new SamlRefusal(Reason.MALFORMED, "expected a " + expected + ", got " + message.getLocalName());
        }
        if (!sp.singleLogoutUrl().equals(message.getAttribute("Destination"))) {
            throw new SamlRefusal(Reason.DESTINATION, "the " + expected + " is addressed to '" + message.getAttribute("Destination") + "'");
        }
        String issuer = SamlXml.text(SamlXml.child(message, SamlXml.ASSERTION, "Issuer"));
        if (!idp.entityId().equals(issuer)) {
            throw new SamlRefusal(Reason.ISSUER, "the " + expected + " comes from " + issuer);
        }
        return message;
    }

    private static Element message(Document document, String name, String id, String destination, ServiceProvider sp,
                                   Clock clock) {
        Element message = document.createElementNS(SamlXml.PROTOCOL, "samlp:" + name);
        message.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlXml.ASSERTION);
        message.setAttribute("ID", id);
        message.setAttribute("Version", "2.0");
        message.setAttribute("IssueInstant", Instant.now(clock).toString());
        if (destination != null) {
            message.setAttribute("Destination", destination);
        }
        Element issuer = document.createElementNS(SamlXml.ASSERTION, "saml:Issuer");
        issuer.setTextContent(sp.entityId());
        message.appendChild(issuer);
        document.appendChild(message);
        return message;
    }

    private static String serialize(Document document) {
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            javax.xml.transform.Transformer transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new javax.xml.transform.dom.DOMSource(document), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("a logout message cannot be written", e);
        }
    }
}
