package org.sigillum.federation.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sigillum.federation.saml.SamlRefusal.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Each forgery of checklist C9 (signature and structure) and C10 (binding to our request, our endpoint, our
 * audience, its time and its single use), built and signed here with a test identity provider's key, against
 * the validator that the assertion consumer service runs. Each asserts the exact refusal.
 */
class ResponseValidatorTest {

    private final TestIdp idp = new TestIdp();
    private static final KeyPair SP_ENCRYPTION = TestIdp.rsaKey();
    private final KeyPair spEncryption = SP_ENCRYPTION;
    private final Set<String> used = new HashSet<>();
    private final ServiceProvider sp =
            new ServiceProvider(TestIdp.SP_ENTITY_ID, TestIdp.ACS, TestIdp.SLO, null, Duration.ofSeconds(60));

    private ResponseValidator validator() {
        return new ResponseValidator(sp, idp.trust(), List.of(spEncryption.getPrivate()),
                (issuer, id) -> used.add(issuer + " " + id), Clock.systemUTC());
    }

    private SamlLogin validate(Document response) throws SamlRefusal {
        return validator().validate(TestIdp.encode(response), "_req1");
    }

    private Reason refusal(Document response) {
        return assertThrows(SamlRefusal.class, () -> validate(response)).reason();
    }

    private Document signedResponse(TestIdp.Spec spec) {
        Document response = idp.response(spec);
        idp.signAssertion(response);
        return response;
    }

    @Test
    void aSignedAssertionForOurRequestLogsTheSubjectInAtItsLevel() throws SamlRefusal {
        TestIdp.Spec spec = new TestIdp.Spec();
        SamlLogin login = validate(signedResponse(spec));
        assertEquals("ana", login.subject());
        assertEquals(TestIdp.PASSWORD_CLASS, login.authnContextClassRef());
        assertEquals(TestIdp.ENTITY_ID, login.issuer());
        assertEquals(spec.assertionId, login.assertionId());
        assertEquals("s1", login.sessionIndex());
    }

    @Test
    void c11AuthnContextMapsToTheProvidersLevelAndAnUnmappedOneToNone() throws SamlRefusal {
        LevelMapping levels = new LevelMapping(java.util.Map.of(TestIdp.PASSWORD_CLASS, "substantial", TestIdp.OTP_CLASS, "high"));
        TestIdp.Spec otp = new TestIdp.Spec();
        otp.classRef = TestIdp.OTP_CLASS;
        assertEquals(org.sigillum.api.federation.LevelOfAssurance.HIGH, levels.levelOf(validate(signedResponse(otp)).authnContextClassRef()));
        assertEquals(null, levels.levelOf("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified"));
        assertEquals(List.of(TestIdp.OTP_CLASS), levels.classesAtLeast(org.sigillum.api.federation.LevelOfAssurance.HIGH));
        assertEquals(List.of(TestIdp.PASSWORD_CLASS, TestIdp.OTP_CLASS).stream().sorted().toList(),
                levels.classesAtLeast(org.sigillum.api.federation.LevelOfAssurance.SUBSTANTIAL));
    }

    @Test
    void c9EncryptedSignedAssertionIsDecryptedAndChecked() throws SamlRefusal {
        Document response = signedResponse(new TestIdp.Spec());
        TestIdp.encryptAssertion(response, TestIdp.selfSigned(spEncryption, "CN=SP"));
        assertEquals(0, response.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").getLength());
        assertEquals("ana", validate(response).subject());
    }

    @Test
    void c9AssertionEncryptedForAnotherKeyIsRefused() {
        Document response = signedResponse(new TestIdp.Spec());
        KeyPair other = TestIdp.rsaKey();
        TestIdp.encryptAssertion(response, TestIdp.selfSigned(other, "CN=Other"));
        assertEquals(Reason.DECRYPTION, refusal(response));
    }

    @Test
    void c9EncryptedUnsignedAssertionIsRefused() {
        Document response = idp.response(new TestIdp.Spec());
        TestIdp.encryptAssertion(response, TestIdp.selfSigned(spEncryption, "CN=SP"));
        assertEquals(Reason.UNSIGNED, refusal(response));
    }

    @Test
    void c9UnsignedResponseIsRefused() {
        assertEquals(Reason.UNSIGNED, refusal(idp.response(new TestIdp.Spec())));
    }

    @Test
    void c9SignedResponseWithUnsignedAssertionIsRefused() {
        Document response = idp.response(new TestIdp.Spec());
        idp.signResponse(response);
        assertEquals(Reason.UNSIGNED, refusal(response));
    }

    @Test
    void c9ExtraUnsignedAssertionBesideTheSignedOneIsRefused() {
        Document response = signedResponse(new TestIdp.Spec());
        TestIdp.Spec evil = new TestIdp.Spec();
        evil.nameId = "mallory";
        Element extra = importAssertion(response, evil);
        response.getDocumentElement().insertBefore(extra, TestIdp.assertionOf(response));
        assertEquals(Reason.WRAPPING, refusal(response));
    }

    @Test
    void c9SignedAssertionMovedIntoExtensionsOfAnUnsignedResponseIsRefused() {
        Document response = signedResponse(new TestIdp.Spec());
        Element signed = TestIdp.assertionOf(response);
        TestIdp.Spec evil = new TestIdp.Spec();
        evil.nameId = "mallory";
        Element forged = importAssertion(response, evil);
        Element root = response.getDocumentElement();
        root.replaceChild(forged, signed);
        Element extensions = response.createElementNS(SamlXml.PROTOCOL, "samlp:Extensions");
        extensions.appendChild(signed);
        root.insertBefore(extensions, SamlXml.child(root, SamlXml.PROTOCOL, "Status"));
        assertEquals(Reason.WRAPPING, refusal(response));
    }

    @Test
    void c9SignedAssertionHiddenInAdviceOfAForgedOneWithTheSameIdIsRefused() {
        TestIdp.Spec spec = new TestIdp.Spec();
        Document response = signedResponse(spec);
        Element signed = TestIdp.assertionOf(response);
        TestIdp.Spec evil = new TestIdp.Spec();
        evil.assertionId = spec.assertionId;
        evil.nameId = "mallory";
        Element forged = importAssertion(response, evil);
        Element advice = response.createElementNS(SamlXml.ASSERTION, "saml:Advice");
        response.getDocumentElement().replaceChild(forged, signed);
        advice.appendChild(signed);
        forged.insertBefore(advice, SamlXml.child(forged, SamlXml.ASSERTION, "AuthnStatement"));
        forged.insertBefore(signed.getElementsByTagNameNS(SamlXml.DSIG, "Signature").item(0).cloneNode(true),
                SamlXml.child(forged, SamlXml.ASSERTION, "Subject"));
        assertEquals(Reason.WRAPPING, refusal(response));
    }

    @Test
    void c9SignatureCopiedOntoAForgedAssertionThatReplacesTheSignedOneIsRefused() {
        TestIdp.Spec spec = new TestIdp.Spec();
        Document response = signedResponse(spec);
        Element signed = TestIdp.assertionOf(response);
        TestIdp.Spec evil = new TestIdp.Spec();
        evil.nameId = "mallory";
        Element forged = importAssertion(response, evil);
        forged.insertBefore(signed.getElementsByTagNameNS(SamlXml.DSIG, "Signature").item(0).cloneNode(true),
                SamlXml.child(forged, SamlXml.ASSERTION, "Subject"));
        response.getDocumentElement().replaceChild(forged, signed);
        assertEquals(Reason.WRAPPING, refusal(response));
    }

    @Test
    void c9SignedAssertionAlteredAfterSigningIsRefused() {
        Document response = signedResponse(new TestIdp.Spec());
        Element nameId = (Element) response.getElementsByTagNameNS(SamlXml.ASSERTION, "NameID").item(0);
        nameId.setTextContent("mallory");
        assertEquals(Reason.BAD_SIGNATURE, refusal(response));
    }

    @Test
    void c9AssertionSignedByAKeyFromKeyInfoInsteadOfThePinnedOneIsRefused() {
        Document response = idp.response(new TestIdp.Spec());
        KeyPair attacker = TestIdp.rsaKey();
        TestIdp.sign(TestIdp.assertionOf(response), attacker.getPrivate(), TestIdp.selfSigned(attacker, "CN=Test IdP"));
        assertEquals(Reason.BAD_SIGNATURE, refusal(response));
    }

    @Test
    void c9CommentInsideTheNameIdDoesNotTruncateIt() throws SamlRefusal {
        TestIdp.Spec spec = new TestIdp.Spec();
        spec.nameId = "ana.evil.example";
        Document response = signedResponse(spec);
        Element nameId = (Element) response.getElementsByTagNameNS(SamlXml.ASSERTION, "NameID").item(0);
        Node text = nameId.getFirstChild();
        nameId.setTextContent("");
        nameId.appendChild(response.createTextNode("ana"));
        nameId.appendChild(response.createComment("a comment the signature does not cover"));
        nameId.appendChild(response.createTextNode(".evil.example"));
        assertEquals("ana.evil.example", text.getNodeValue());
        assertEquals("ana.evil.example", validate(response).subject());
    }

    @Test
    void c9DoctypeAndExternalEntitiesAreRefused() {
        String xxe = "<!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                + TestIdp.serialize(signedResponse(new TestIdp.Spec()).getDocumentElement());
        String encoded = java.util.Base64.getEncoder().encodeToString(xxe.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SamlRefusal refusal = assertThrows(SamlRefusal.class, () -> validator().validate(encoded, "_req1"));
        assertEquals(Reason.MALFORMED, refusal.reason());
    }

    @Test
    void c9ResponseThatBreaksTheSchemaIsRefused() {
        Document response = signedResponse(new TestIdp.Spec());
        response.getDocumentElement().removeAttribute("Version");
        assertEquals(Reason.SCHEMA, refusal(response));
    }

    @Test
    void c10ReplayedAssertionIsRefusedTheSecondTime() throws SamlRefusal {
        Document response = signedResponse(new TestIdp.Spec());
        validate(response);
        assertEquals(Reason.REPLAYED, refusal(response));
    }

    @Test
    void c10ResponseToAnotherRequestIsRefused() {
        TestIdp.Spec spec = new TestIdp.Spec();
        spec.inResponseTo = "_another";
        spec.confirmationInResponseTo = "_another";
        assertEquals(Reason.IN_RESPONSE_TO, refusal(signedResponse(spec)));
        TestIdp.Spec confirmation = new TestIdp.Spec();
        confirmation.confirmationInResponseTo = "_another";
        assertEquals(Reason.IN_RESPONSE_TO, refusal(signedResponse(confirmation)));
    }

    @Test
    void c10ResponseForAnotherDestinationIsRefused() {
        TestIdp.Spec spec = new TestIdp.Spec();
        spec.destination = "https://elsewhere.test/saml/acs";
        assertEquals(Reason.DESTINATION, refusal(signedResponse(spec)));
    }

    @Test
    void c10AssertionForAnotherRecipientIsRefused() {
        TestIdp.Spec spec = new TestIdp.Spec();
        spec.recipient = "https://elsewhere.test/saml/acs";
        assertEquals(Reason.RECIPIENT, refusal(signedResponse(spec)));
    }

    @Test
    void c10AssertionForAnotherAudienceIsRefused() {
        TestIdp.Spec spec = new TestIdp.Spec();
        spec.audience = "https://elsewhere.test/saml/metadata";
        assertEquals(Reason.AUDIENCE, refusal(signedResponse(spec)));
    }

    @Test
    void c10ExpiredAssertionIsRefusedBeyondTheSkew() throws SamlRefusal {
        TestIdp.Spec expired = new TestIdp.Spec();
        expired.issued = Instant.now().minusSeconds(600);
        expired.notBefore = Instant.now().minusSeconds(600);
        expired.notOnOrAfter = Instant.now().minusSeconds(61);
        assertEquals(Reason.EXPIRED, refusal(signedResponse(expired)));
        TestIdp.Spec withinSkew = new TestIdp.Spec();
        withinSkew.notOnOrAfter = Instant.now().minusSeconds(30);
        assertEquals("ana", validate(signedResponse(withinSkew)).subject());
    }

    @Test
    void c10AssertionNotYetValidIsRefused() {
        TestIdp.Spec spec = new TestIdp.Spec();
        spec.notBefore = Instant.now().plusSeconds(120);
        assertEquals(Reason.NOT_YET_VALID, refusal(signedResponse(spec)));
    }

    @Test
    void c10AssertionFromAnotherIssuerIsRefusedEvenWithThePinnedKey() {
        TestIdp.Spec spec = new TestIdp.Spec();
        spec.issuer = "https://other-idp.test";
        assertEquals(Reason.ISSUER, refusal(signedResponse(spec)));
    }

    @Test
    void c10UnsuccessfulStatusIsRefused() {
        TestIdp.Spec spec = new TestIdp.Spec();
        spec.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
        assertEquals(Reason.STATUS, refusal(signedResponse(spec)));
    }

    private static Element importAssertion(Document response, TestIdp.Spec spec) {
        return (Element) response.importNode(TestIdp.parse(TestIdp.assertionXml(spec)).getDocumentElement(), true);
    }
}
