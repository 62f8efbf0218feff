package org.sigillum.federation.saml;

import java.io.IOException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.processing.core.util.XMLEncryptionUtil;
import org.sigillum.federation.saml.SamlRefusal.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Turns a SAML Response that arrived at the assertion consumer service into a {@link SamlLogin}, or refuses it
 * with the rule it broke. The level the AuthnContextClassRef stands for is the provider's mapping's business. Order matters: structure and signature first, so that no field is trusted before the
 * identity provider's pinned key vouches for it; the one-time claim of the assertion ID last, so that only an
 * assertion that is otherwise valid is spent.
 */
public final class ResponseValidator {

    static final int MAX_RESPONSE_BYTES = 256 * 1024;
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    private final ServiceProvider serviceProvider;
    private final IdentityProviderTrust identityProvider;
    private final List<PrivateKey> decryptionKeys;
    private final ReplayGuard replay;
    private final Clock clock;

    public ResponseValidator(ServiceProvider serviceProvider, IdentityProviderTrust identityProvider,
                             List<PrivateKey> decryptionKeys, ReplayGuard replay, Clock clock) {
        this.serviceProvider = Objects.requireNonNull(serviceProvider);
        this.identityProvider = Objects.requireNonNull(identityProvider);
        this.decryptionKeys = List.copyOf(decryptionKeys);
        this.replay = Objects.requireNonNull(replay);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param samlResponse the {@code SAMLResponse} form field of the HTTP-POST binding, base64
     * @param requestId    the ID of the AuthnRequest this browser was sent with, which the response must answer
     */
    public SamlLogin validate(String samlResponse, String requestId) throws SamlRefusal {
        Document document = parse(samlResponse);
        Element response = document.getDocumentElement();
        if (!SamlXml.PROTOCOL.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
            throw new SamlRefusal(Reason.MALFORMED, "not a SAML Response: " + response.getLocalName());
        }
        Element assertion = theOnlyAssertion(document, response);
        // after decryption: the plaintext assertion is validated like any other, and the XML Encryption 1.1
        // elements of the key transport (which the shipped schemas do not know) are gone with the envelope
        schema(document);
        uniqueIds(document);
        if (PinnedSignature.isSigned(response)) {
            PinnedSignature.verify(response, identityProvider.signingCertificates());
        }
        PinnedSignature.verify(assertion, identityProvider.signingCertificates());

        Instant now = clock.instant();
        Duration skew = serviceProvider.clockSkew();
        checkResponse(response, requestId);
        String issuer = SamlXml.text(SamlXml.child(assertion, SamlXml.ASSERTION, "Issuer"));
        if (!identityProvider.entityId().equals(issuer)) {
            throw new SamlRefusal(Reason.ISSUER, "the assertion's issuer is " + issuer);
        }
        Element subject = SamlXml.child(assertion, SamlXml.ASSERTION, "Subject");
        Element nameId = subject == null ? null : SamlXml.child(subject, SamlXml.ASSERTION, "NameID");
        String subjectValue = SamlXml.text(nameId);
        if (subjectValue == null || subjectValue.isEmpty()) {
            throw new SamlRefusal(Reason.NO_SUBJECT, "the assertion names no subject (NameID)");
        }
        checkBearerConfirmation(subject, requestId, now, skew);
        checkConditions(assertion, now, skew);
        Element authn = SamlXml.child(assertion, SamlXml.ASSERTION, "AuthnStatement");
        if (authn == null) {
            throw new SamlRefusal(Reason.NO_SUBJECT, "the assertion has no AuthnStatement");
        }
        Element context = SamlXml.child(authn, SamlXml.ASSERTION, "AuthnContext");
        String classRef = context == null ? null : SamlXml.text(SamlXml.child(context, SamlXml.ASSERTION, "AuthnContextClassRef"));
        String assertionId = assertion.getAttribute("ID");
        if (!replay.claim(issuer, assertionId)) {
            throw new SamlRefusal(Reason.REPLAYED, "the assertion " + assertionId + " was used before");
        }
        String sessionIndex = authn.hasAttribute("SessionIndex") ? authn.getAttribute("SessionIndex") : null;
        return new SamlLogin(issuer, subjectValue, nameId.getAttribute("Format"), classRef, assertionId,
                sessionIndex, instant(authn, "AuthnInstant"));
    }

    private static Document parse(String samlResponse) throws SamlRefusal {
        if (samlResponse == null || samlResponse.isBlank()) {
            throw new SamlRefusal(Reason.MALFORMED, "no SAMLResponse");
        }
        if (samlResponse.length() > MAX_RESPONSE_BYTES * 4 / 3 + 4) {
            throw new SamlRefusal(Reason.MALFORMED, "the SAMLResponse is larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        try {
            return SamlXml.parse(Base64.getMimeDecoder().decode(samlResponse));
        } catch (IllegalArgumentException | SAXException | IOException e) {
            throw new SamlRefusal(Reason.MALFORMED, "the SAMLResponse is not base64 XML without DTD: " + e.getMessage(), e);
        }
    }

    private static void schema(Document document) throws SamlRefusal {
        try {
            SamlXml.validateProtocolMessage(document);
        } catch (SAXException | IOException e) {
            throw new SamlRefusal(Reason.SCHEMA, "the response does not follow the SAML 2.0 schema: " + e.getMessage(), e);
        }
    }

    /**
     * Exactly one assertion in the whole document, a direct child of the Response, decrypted in place if it came
     * encrypted. An assertion anywhere else (inside Extensions, Advice, another assertion, a signature's Object)
     * is what a wrapping attack leaves behind, so the message is refused rather than searched.
     */
    private Element theOnlyAssertion(Document document, Element response) throws SamlRefusal {
        int plain = document.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").getLength();
        int encrypted = document.getElementsByTagNameNS(SamlXml.ASSERTION, "EncryptedAssertion").getLength();
        if (plain + encrypted != 1) {
            throw new SamlRefusal(plain + encrypted == 0 ? Reason.UNSIGNED : Reason.WRAPPING,
                    "the response holds " + plain + " assertions and " + encrypted + " encrypted ones; exactly one is allowed");
        }
        List<Element> direct = SamlXml.children(response, SamlXml.ASSERTION, plain == 1 ? "Assertion" : "EncryptedAssertion");
        if (direct.size() != 1) {
            throw new SamlRefusal(Reason.WRAPPING, "the assertion is not a direct child of the Response");
        }
        return plain == 1 ? direct.get(0) : decrypt(document, response, direct.get(0));
    }

    private Element decrypt(Document document, Element response, Element encryptedAssertion) throws SamlRefusal {
        if (decryptionKeys.isEmpty()) {
            throw new SamlRefusal(Reason.DECRYPTION, "an encrypted assertion arrived but no decryption key is configured");
        }
        Document holder = SamlXml.newDocument();
        holder.appendChild(holder.importNode(encryptedAssertion, true));
        Element decrypted;
        try {
            decrypted = XMLEncryptionUtil.decryptElementInDocument(holder, data -> decryptionKeys);
        } catch (ProcessingException | RuntimeException e) {
            throw new SamlRefusal(Reason.DECRYPTION, "the assertion cannot be decrypted with our key: " + e.getMessage(), e);
        }
        if (decrypted == null || !SamlXml.ASSERTION.equals(decrypted.getNamespaceURI())
                || !"Assertion".equals(decrypted.getLocalName())) {
            throw new SamlRefusal(Reason.WRAPPING, "the encrypted assertion does not hold one Assertion");
        }
        Element assertion = (Element) document.importNode(decrypted, true);
        response.replaceChild(assertion, encryptedAssertion);
        if (document.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").getLength() != 1) {
            throw new SamlRefusal(Reason.WRAPPING, "the decrypted assertion holds another assertion");
        }
        return assertion;
    }

    /** No two elements share an ID: a reference by ID then names one element, the one that was checked. */
    private static void uniqueIds(Document document) throws SamlRefusal {
        Set<String> seen = new HashSet<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            for (String name : new String[] {"ID", "Id", "id"}) {
                if (element.hasAttributeNS(null, name) && !seen.add(element.getAttributeNS(null, name))) {
                    throw new SamlRefusal(Reason.WRAPPING, "two elements share the ID " + element.getAttributeNS(null, name));
                }
            }
        }
    }

    private void checkResponse(Element response, String requestId) throws SamlRefusal {
        if (!serviceProvider.assertionConsumerUrl().equals(response.getAttribute("Destination"))) {
            throw new SamlRefusal(Reason.DESTINATION, "the response is addressed to '" + response.getAttribute("Destination") + "'");
        }
        Element issuer = SamlXml.child(response, SamlXml.ASSERTION, "Issuer");
        if (issuer != null && !identityProvider.entityId().equals(SamlXml.text(issuer))) {
            throw new SamlRefusal(Reason.ISSUER, "the response's issuer is " + SamlXml.text(issuer));
        }
        Element status = SamlXml.child(response, SamlXml.PROTOCOL, "Status");
        Element code = SamlXml.child(status, SamlXml.PROTOCOL, "StatusCode");
        if (!SUCCESS.equals(code.getAttribute("Value"))) {
            Element second = SamlXml.child(code, SamlXml.PROTOCOL, "StatusCode");
            throw new SamlRefusal(Reason.STATUS, "the identity provider answered " + code.getAttribute("Value")
                    + (second == null ? "" : " / " + second.getAttribute("Value")));
        }
        if (requestId == null || !requestId.equals(response.getAttribute("InResponseTo"))) {
            throw new SamlRefusal(Reason.IN_RESPONSE_TO, "the response answers '" + response.getAttribute("InResponseTo")
                    + "', not the request this browser was sent with");
        }
    }

    /** One bearer confirmation for our ACS, for our request, not expired, is enough; none is a refusal. */
    private void checkBearerConfirmation(Element subject, String requestId, Instant now, Duration skew) throws SamlRefusal {
        SamlRefusal last = new SamlRefusal(Reason.RECIPIENT, "the subject has no bearer confirmation");
        for (Element confirmation : SamlXml.children(subject, SamlXml.ASSERTION, "SubjectConfirmation")) {
            if (!BEARER.equals(confirmation.getAttribute("Method"))) {
                continue;
            }
            Element data = SamlXml.child(confirmation, SamlXml.ASSERTION, "SubjectConfirmationData");
            if (data == null) {
                continue;
            }
            if (!serviceProvider.assertionConsumerUrl().equals(data.getAttribute("Recipient"))) {
                last = new SamlRefusal(Reason.RECIPIENT, "the assertion's recipient is '" + data.getAttribute("Recipient") + "'");
            } else if (!requestId.equals(data.getAttribute("InResponseTo"))) {
                last = new SamlRefusal(Reason.IN_RESPONSE_TO, "the assertion answers '" + data.getAttribute("InResponseTo") + "'");
            } else if (!data.hasAttribute("NotOnOrAfter") || !now.isBefore(instant(data, "NotOnOrAfter").plus(skew))) {
                last = new SamlRefusal(Reason.EXPIRED, "the subject confirmation expired at " + data.getAttribute("NotOnOrAfter"));
            } else if (data.hasAttribute("NotBefore") && now.plus(skew).isBefore(instant(data, "NotBefore"))) {
                last = new SamlRefusal(Reason.NOT_YET_VALID, "the subject confirmation is valid from " + data.getAttribute("NotBefore"));
            } else {
                return;
            }
        }
        throw last;
    }

    private void checkConditions(Element assertion, Instant now, Duration skew) throws SamlRefusal {
        Element conditions = SamlXml.child(assertion, SamlXml.ASSERTION, "Conditions");
        if (conditions == null) {
            throw new SamlRefusal(Reason.AUDIENCE, "the assertion has no Conditions, so no audience");
        }
        if (conditions.hasAttribute("NotBefore") && now.plus(skew).isBefore(instant(conditions, "NotBefore"))) {
            throw new SamlRefusal(Reason.NOT_YET_VALID, "the assertion is valid from " + conditions.getAttribute("NotBefore"));
        }
        if (conditions.hasAttribute("NotOnOrAfter") && !now.isBefore(instant(conditions, "NotOnOrAfter").plus(skew))) {
            throw new SamlRefusal(Reason.EXPIRED, "the assertion expired at " + conditions.getAttribute("NotOnOrAfter"));
        }
        List<Element> restrictions = SamlXml.children(conditions, SamlXml.ASSERTION, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw new SamlRefusal(Reason.AUDIENCE, "the assertion names no audience");
        }
        for (Element restriction : restrictions) {
            boolean ours = false;
            for (Element audience : SamlXml.children(restriction, SamlXml.ASSERTION, "Audience")) {
                ours |= serviceProvider.entityId().equals(SamlXml.text(audience));
            }
            if (!ours) {
                throw new SamlRefusal(Reason.AUDIENCE, "the assertion is meant for another audience, not " + serviceProvider.entityId());
            }
        }
    }

    static Instant instant(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(value).toGregorianCalendar().toInstant();
        } catch (DatatypeConfigurationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an xs:dateTime: " + value, e);
        }
    }
}
