package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Sigillum's SAML service provider against a SAML provider run by the test (checklist C9, C10): every forged or
 * misdirected response posted to the running server's /saml/acs is refused with its own rule on the refusal page
 * (403) and in a FEDERATED_LOGIN_REFUSED audit record, and only a correct one signs the linked account in.
 */
class SamlResponseRefusalsIT {

    private static HostileSamlProvider idp;
    private static String alias;
    private static String audience;
    private static String acs;
    private static X509Certificate spSigning;

    /** A sign-in sent to the test's provider: the browser, the client, and the AuthnRequest Sigillum made. */
    private record Started(Browser browser, OAuthApp app, String verifier, String requestId, String relayState,
                           Element authnRequest) {

        Sigillum.Reply answer(Document response) {
            return browser.post("/saml/acs", Map.of("SAMLResponse", HostileSamlProvider.encode(response),
                    "RelayState", relayState));
        }
    }

    @BeforeAll
    static void registerProvider() throws Exception {
        idp = new HostileSamlProvider();
        alias = "saml-" + UUID.randomUUID().toString().substring(0, 8);
        audience = "urn:sigillum:it:" + alias;
        ObjectNode provider = Sigillum.object().put("alias", alias).put("kind", "SAML").put("displayName", "SAML " + alias);
        provider.putObject("settings").put("metadata", idp.metadata()).put("spEntityId", audience)
                .put("nameIdFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        provider.putObject("levelMapping").put(HostileSamlProvider.PASSWORD, "substantial").put(HostileSamlProvider.OTP, "high");
        Federation.register(provider);
        Sigillum.Reply metadata = new Browser().open("/saml/metadata?alias=" + alias);
        assertEquals(200, metadata.status(), metadata.body());
        Element entity = parse(metadata.body()).getDocumentElement();
        assertEquals(audience, entity.getAttribute("entityID"));
        Element acsElement = (Element) entity.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata",
                "AssertionConsumerService").item(0);
        acs = acsElement.getAttribute("Location");
        assertTrue(acs.endsWith("/saml/acs"), acs);
        Element signingKey = (Element) entity.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "KeyDescriptor").item(0);
        assertEquals("signing", signingKey.getAttribute("use"));
        spSigning = HostileSamlProvider.certificate(signingKey.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#",
                "X509Certificate").item(0).getTextContent());
    }

    private static String linkedUser(String subject) {
        String user = Sigillum.createUser("saml-" + UUID.randomUUID(), CscClient.PASSWORD, CscClient.PIN);
        Federation.link(user, alias, subject);
        return user;
    }

    /** The client sends the browser to Sigillum with idp_hint; Sigillum sends it on with a signed AuthnRequest. */
    private static Started start() throws Exception {
        OAuthApp app = OAuthApp.register("service");
        Browser browser = new Browser();
        String verifier = OAuthApp.newVerifier();
        Sigillum.Reply redirect = browser.open(app.authorizeQuery(verifier, Map.of("scope", "service", "idp_hint", alias)));
        assertEquals(303, redirect.status(), redirect.body());
        String location = redirect.header("Location");
        assertTrue(location.startsWith(idp.ssoUrl + "?SAMLRequest="), location);
        String rawQuery = URI.create(location).getRawQuery();
        assertRedirectSignedBySigillum(rawQuery);
        Map<String, String> params = OAuthApp.params(location);
        Element request = parse(HostileSamlProvider.inflate(params.get("SAMLRequest"))).getDocumentElement();
        assertEquals("AuthnRequest", request.getLocalName());
        assertEquals(acs, request.getAttribute("AssertionConsumerServiceURL"));
        return new Started(browser, app, verifier, request.getAttribute("ID"), params.get("RelayState"), request);
    }

    /** The redirect binding's signature over SAMLRequest, RelayState and SigAlg, with the certificate of the metadata. */
    private static void assertRedirectSignedBySigillum(String rawQuery) throws Exception {
        String signed = rawQuery.substring(0, rawQuery.indexOf("&Signature="));
        String signature = URLDecoder.decode(rawQuery.substring(rawQuery.indexOf("&Signature=") + 11), StandardCharsets.UTF_8);
        assertTrue(signed.contains("&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256"), signed);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(spSigning.getPublicKey());
        verifier.update(signed.getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getDecoder().decode(signature)), "the AuthnRequest's redirect signature");
    }

    private static void assertRefused(Sigillum.Reply refused, String code, long before) {
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("The identity provider&#39;s SAML response was refused: " + code)
                || refused.body().contains("The identity provider's SAML response was refused: " + code), refused.body());
        List<JsonNode> records = Federation.records(before, "FEDERATED_LOGIN_REFUSED");
        assertEquals(1, records.size(), AuditLog.recordsAfter(before).toString());
        assertEquals("REFUSED", records.get(0).get("outcome").asText());
        String detail = records.get(0).get("detail").asText();
        assertTrue(detail.contains(code) && detail.contains(alias), detail);
        assertTrue(Federation.records(before, "FEDERATED_LOGIN_SUCCEEDED").isEmpty());
    }

    /** Links a subject, starts a sign-in, lets {@code forge} change the signed response, and asserts the refusal. */
    private static void assertForgeryRefused(Consumer<HostileSamlProvider.Spec> specChange, Consumer<Document> forge,
                                             String code) throws Exception {
        String subject = "victim-" + UUID.randomUUID();
        linkedUser(subject);
        Started started = start();
        HostileSamlProvider.Spec spec = idp.spec(started.requestId(), subject, acs, audience);
        specChange.accept(spec);
        Document response = idp.signed(spec);
        forge.accept(response);
        long before = AuditLog.head();
        assertRefused(started.answer(response), code, before);
    }

    @Test
    void samlAssertionSignedByThePinnedKeySignsTheLinkedAccountIn() throws Exception {
        String subject = "ana-" + UUID.randomUUID();
        String user = linkedUser(subject);
        Started started = start();
        assertEquals("false", started.authnRequest().getAttribute("ForceAuthn"));
        long before = AuditLog.head();

        Sigillum.Reply consent = started.answer(idp.signed(idp.spec(started.requestId(), subject, acs, audience)));

        assertEquals(200, consent.status(), consent.body());
        assertTrue(consent.body().contains("Allow access"), consent.body());
        List<JsonNode> records = Federation.records(before, "FEDERATED_LOGIN_SUCCEEDED");
        assertEquals(1, records.size(), AuditLog.recordsAfter(before).toString());
        assertEquals(user, records.get(0).get("userId").asText());
        String detail = records.get(0).get("detail").asText();
        assertTrue(detail.contains(alias) && detail.contains(subject) && detail.contains("substantial"), detail);
        Sigillum.Reply redirect = started.browser().submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve"));
        assertEquals(200, started.app().redeem(started.app().code(redirect), started.verifier()).status());
    }

    @Test
    void c9ResponseWithAnExtraUnsignedAssertionIsRefused() throws Exception {
        assertForgeryRefused(spec -> { }, response -> {
            HostileSamlProvider.Spec evil = idp.spec("x", "mallory", acs, audience);
            evil.issuer = idp.entityId;
            response.getDocumentElement().insertBefore(HostileSamlProvider.importAssertion(response, evil),
                    HostileSamlProvider.assertion(response));
        }, "saml_signature_wrapping");
    }

    @Test
    void c9SignedAssertionMovedIntoAnUnsignedResponseBesideAForgedOneIsRefused() throws Exception {
        assertForgeryRefused(spec -> { }, response -> {
            Element signed = HostileSamlProvider.assertion(response);
            HostileSamlProvider.Spec evil = idp.spec(signed.getAttribute("ID"), "mallory", acs, audience);
            Element forged = HostileSamlProvider.importAssertion(response, evil);
            Element root = response.getDocumentElement();
            root.replaceChild(forged, signed);
            Element extensions = response.createElementNS(HostileSamlProvider.PROTOCOL_NS, "samlp:Extensions");
            extensions.appendChild(signed);
            root.insertBefore(extensions, root.getElementsByTagNameNS(HostileSamlProvider.PROTOCOL_NS, "Status").item(0));
        }, "saml_signature_wrapping");
    }

    @Test
    void c9AssertionSignedByTheKeyInItsKeyInfoInsteadOfThePinnedOneIsRefused() throws Exception {
        assertForgeryRefused(spec -> { }, response -> {
            Element assertion = HostileSamlProvider.assertion(response);
            assertion.removeChild(assertion.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0));
            KeyPair attacker = HostileSamlProvider.rsaKey();
            HostileSamlProvider.sign(assertion, attacker.getPrivate(), HostileSamlProvider.selfSigned(attacker, "CN=Hostile SAML IdP"));
        }, "saml_bad_signature");
    }

    @Test
    void c9UnsignedResponseIsRefused() throws Exception {
        assertForgeryRefused(spec -> { }, response -> {
            Element assertion = HostileSamlProvider.assertion(response);
            assertion.removeChild(assertion.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0));
        }, "saml_unsigned_assertion");
    }

    @Test
    void c9CommentInsideTheNameIdDoesNotTruncateItToALinkedSubject() throws Exception {
        String victim = "victim-" + UUID.randomUUID();
        linkedUser(victim);
        Started started = start();
        HostileSamlProvider.Spec spec = idp.spec(started.requestId(), victim + ".attacker.example", acs, audience);
        Document response = idp.signed(spec);
        Element nameId = (Element) response.getElementsByTagNameNS(HostileSamlProvider.ASSERTION_NS, "NameID").item(0);
        nameId.setTextContent("");
        nameId.appendChild(response.createTextNode(victim));
        nameId.appendChild(response.createComment("ignored by the signature"));
        nameId.appendChild(response.createTextNode(".attacker.example"));
        long before = AuditLog.head();

        Sigillum.Reply refused = started.answer(response);

        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("not linked to a Sigillum account"), refused.body());
        List<JsonNode> records = Federation.records(before, "FEDERATED_LOGIN_REFUSED");
        assertEquals(1, records.size(), AuditLog.recordsAfter(before).toString());
        String detail = records.get(0).get("detail").asText();
        assertTrue(detail.contains(victim + ".attacker.example"), detail);
        assertTrue(Federation.records(before, "FEDERATED_LOGIN_SUCCEEDED").isEmpty());
    }

    @Test
    void c9ResponseWithADoctypeIsRefused() throws Exception {
        String subject = "victim-" + UUID.randomUUID();
        linkedUser(subject);
        Started started = start();
        String xml = "<!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>" + HostileSamlProvider.serialize(
                idp.signed(idp.spec(started.requestId(), subject, acs, audience)).getDocumentElement());
        long before = AuditLog.head();
        Sigillum.Reply refused = started.browser().post("/saml/acs", Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)), "RelayState", started.relayState()));
        assertRefused(refused, "saml_malformed", before);
    }

    @Test
    void c10ReplayedResponseAndReusedAssertionIdAreRefused() throws Exception {
        String subject = "ana-" + UUID.randomUUID();
        linkedUser(subject);
        Started first = start();
        HostileSamlProvider.Spec spec = idp.spec(first.requestId(), subject, acs, audience);
        Document response = idp.signed(spec);
        assertEquals(200, first.answer(response).status());

        long before = AuditLog.head();
        Sigillum.Reply again = first.answer(response);
        assertEquals(403, again.status(), again.body());
        assertTrue(again.body().contains("expired or was already completed"), again.body());
        assertEquals(1, Federation.records(before, "FEDERATED_LOGIN_REFUSED").size());

        Started second = start();
        HostileSamlProvider.Spec reused = idp.spec(second.requestId(), subject, acs, audience);
        reused.assertionId = spec.assertionId;
        long beforeReuse = AuditLog.head();
        assertRefused(second.answer(idp.signed(reused)), "saml_replayed", beforeReuse);
    }

    @Test
    void c10ResponseToAnotherRequestIsRefused() throws Exception {
        assertForgeryRefused(spec -> spec.inResponseTo = "_not-the-request-sigillum-sent", response -> { },
                "saml_wrong_in_response_to");
    }

    @Test
    void c10ResponseForAnotherDestinationIsRefused() throws Exception {
        assertForgeryRefused(spec -> spec.destination = "https://elsewhere.test/saml/acs", response -> { },
                "saml_wrong_destination");
    }

    @Test
    void c10AssertionForAnotherAudienceIsRefused() throws Exception {
        assertForgeryRefused(spec -> spec.audience = "https://elsewhere.test/saml/metadata", response -> { },
                "saml_wrong_audience");
    }

    @Test
    void c10ExpiredAssertionIsRefused() throws Exception {
        assertForgeryRefused(spec -> {
            spec.notBefore = Instant.now().minusSeconds(900);
            spec.notOnOrAfter = Instant.now().minusSeconds(300);
        }, response -> { }, "saml_expired");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
