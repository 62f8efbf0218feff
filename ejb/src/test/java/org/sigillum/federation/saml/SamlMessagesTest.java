package org.sigillum.federation.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigillum.federation.saml.SamlRefusal.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The messages Sigillum sends (AuthnRequest, metadata, logout) and the redirect-bound ones it receives. */
class SamlMessagesTest {

    private static final KeyPair SP_KEY = TestIdp.rsaKey();
    private static final X509Certificate SP_CERTIFICATE = TestIdp.selfSigned(SP_KEY, "CN=Sigillum SAML");
    private final TestIdp idp = new TestIdp();
    private final ServiceProvider sp = new ServiceProvider(TestIdp.SP_ENTITY_ID, TestIdp.ACS, TestIdp.SLO,
            "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified", Duration.ofSeconds(60));

    static MessageSigner signer(PrivateKey key) {
        return new MessageSigner() {
            @Override
            public String algorithmUri() {
                return RedirectBinding.RSA_SHA256;
            }

            @Override
            public byte[] sign(byte[] octets) {
                try {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    signature.initSign(key);
                    signature.update(octets);
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Test
    void c11StepUpAuthnRequestIsSignedAndAsksForAFreshAuthenticationAtTheLevel() throws Exception {
        LevelMapping levels = new LevelMapping(java.util.Map.of(TestIdp.PASSWORD_CLASS, "substantial", TestIdp.OTP_CLASS, "high"));
        String url = AuthnRequests.redirectUrl("_req42", sp, idp.trust(),
                levels.classesAtLeast(org.sigillum.api.federation.LevelOfAssurance.HIGH), true,
                "relay-1", signer(SP_KEY.getPrivate()));
        assertTrue(url.startsWith("https://idp.test/sso?SAMLRequest="), url);
        String query = URI.create(url).getRawQuery();
        assertEquals("relay-1", RedirectBinding.parameter(query, "RelayState"));
        String xml = RedirectBinding.verifiedMessage(query, "SAMLRequest", List.of(SP_CERTIFICATE));
        Document request = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        SamlXml.validateProtocolMessage(request);
        Element root = request.getDocumentElement();
        assertEquals("AuthnRequest", root.getLocalName());
        assertEquals("_req42", root.getAttribute("ID"));
        assertEquals("true", root.getAttribute("ForceAuthn"));
        assertEquals(TestIdp.ACS, root.getAttribute("AssertionConsumerServiceURL"));
        assertEquals("https://idp.test/sso", root.getAttribute("Destination"));
        assertEquals(TestIdp.SP_ENTITY_ID, SamlXml.text(SamlXml.child(root, SamlXml.ASSERTION, "Issuer")));
        Element context = SamlXml.child(root, SamlXml.PROTOCOL, "RequestedAuthnContext");
        assertEquals("exact", context.getAttribute("Comparison"));
        assertEquals(List.of(TestIdp.OTP_CLASS), SamlXml.children(context, SamlXml.ASSERTION, "AuthnContextClassRef")
                .stream().map(SamlXml::text).toList());
        assertEquals(sp.nameIdFormat(), SamlXml.child(root, SamlXml.PROTOCOL, "NameIDPolicy").getAttribute("Format"));
    }

    @Test
    void aFirstLoginRequestDoesNotForceAuthentication() throws Exception {
        String xml = AuthnRequests.xml("_req1", sp, idp.trust(), List.of(), false);
        Element root = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertEquals("false", root.getAttribute("ForceAuthn"));
        assertEquals(null, SamlXml.child(root, SamlXml.PROTOCOL, "RequestedAuthnContext"));
    }

    @Test
    void c9RedirectMessageSignedByAnotherKeyOrAlteredOrUnsignedIsRefused() {
        String url = AuthnRequests.redirectUrl("_req1", sp, idp.trust(), List.of(), false, "r", signer(SP_KEY.getPrivate()));
        String query = URI.create(url).getRawQuery();
        SamlRefusal other = assertThrows(SamlRefusal.class,
                () -> RedirectBinding.verifiedMessage(query, "SAMLRequest", List.of(idp.certificate)));
        assertEquals(Reason.BAD_SIGNATURE, other.reason());
        String altered = query.replace("RelayState=r", "RelayState=x");
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(SamlRefusal.class,
                () -> RedirectBinding.verifiedMessage(altered, "SAMLRequest", List.of(SP_CERTIFICATE))).reason());
        String unsigned = query.substring(0, query.indexOf("&SigAlg="));
        assertEquals(Reason.UNSIGNED, assertThrows(SamlRefusal.class,
                () -> RedirectBinding.verifiedMessage(unsigned, "SAMLRequest", List.of(SP_CERTIFICATE))).reason());
        String doubled = query + "&RelayState=x";
        assertEquals(Reason.MALFORMED, assertThrows(SamlRefusal.class,
                () -> RedirectBinding.verifiedMessage(doubled, "SAMLRequest", List.of(SP_CERTIFICATE))).reason());
    }

    @Test
    void spMetadataNamesTheEndpointsTheNameIdFormatAndBothCertificates() throws Exception {
        X509Certificate encryption = TestIdp.selfSigned(TestIdp.rsaKey(), "CN=Sigillum SAML encryption");
        String xml = ServiceProviderMetadata.xml(sp, SP_CERTIFICATE, encryption);
        Element entity = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertEquals(TestIdp.SP_ENTITY_ID, entity.getAttribute("entityID"));
        Element descriptor = SamlXml.child(entity, SamlXml.METADATA, "SPSSODescriptor");
        assertEquals("true", descriptor.getAttribute("AuthnRequestsSigned"));
        assertEquals("true", descriptor.getAttribute("WantAssertionsSigned"));
        Element acs = SamlXml.child(descriptor, SamlXml.METADATA, "AssertionConsumerService");
        assertEquals(TestIdp.ACS, acs.getAttribute("Location"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", acs.getAttribute("Binding"));
        Element slo = SamlXml.child(descriptor, SamlXml.METADATA, "SingleLogoutService");
        assertEquals(TestIdp.SLO, slo.getAttribute("Location"));
        assertEquals(sp.nameIdFormat(), SamlXml.text(SamlXml.child(descriptor, SamlXml.METADATA, "NameIDFormat")));
        List<Element> keys = SamlXml.children(descriptor, SamlXml.METADATA, "KeyDescriptor");
        assertEquals(List.of("signing", "encryption"), keys.stream().map(k -> k.getAttribute("use")).toList());
        assertEquals(Base64.getEncoder().encodeToString(SP_CERTIFICATE.getEncoded()), SamlXml.text(
                (Element) keys.get(0).getElementsByTagNameNS(SamlXml.DSIG, "X509Certificate").item(0)).replaceAll("\\s", ""));
        assertEquals(Base64.getEncoder().encodeToString(encryption.getEncoded()), SamlXml.text(
                (Element) keys.get(1).getElementsByTagNameNS(SamlXml.DSIG, "X509Certificate").item(0)).replaceAll("\\s", ""));
    }

    @Test
    void idpMetadataPinsOnlyTheSigningCertificatesAndTheRedirectEndpoints() throws Exception {
        X509Certificate encryptionOnly = TestIdp.selfSigned(TestIdp.rsaKey(), "CN=IdP encryption");
        String metadata = "<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata' "
                + "xmlns:ds='http://www.w3.org/2000/09/xmldsig#' entityID='" + TestIdp.ENTITY_ID + "'>"
                + "<md:IDPSSODescriptor protocolSupportEnumeration='urn:oasis:names:tc:SAML:2.0:protocol'>"
                + "<md:KeyDescriptor use='signing'><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + Base64.getMimeEncoder().encodeToString(idp.certificate.getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:KeyDescriptor use='encryption'><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + Base64.getEncoder().encodeToString(encryptionOnly.getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleLogoutService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST' Location='https://idp.test/slo-post'/>"
                + "<md:SingleLogoutService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect' Location='https://idp.test/slo'/>"
                + "<md:SingleSignOnService Binding='urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect' Location='https://idp.test/sso'/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
        IdentityProviderTrust trust = IdentityProviderMetadata.read(metadata.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(TestIdp.ENTITY_ID, trust.entityId());
        assertEquals("https://idp.test/sso", trust.singleSignOnUrl());
        assertEquals("https://idp.test/slo", trust.singleLogoutUrl());
        assertEquals(List.of(idp.certificate), trust.signingCertificates());
        assertThrows(IllegalArgumentException.class, () -> IdentityProviderMetadata.read(
                ("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>" + metadata).getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void aProviderLogoutRequestSignedWithThePinnedKeyNamesTheSessionToEnd() throws Exception {
        String xml = providerLogoutRequest(TestIdp.SLO);
        String query = URI.create(RedirectBinding.signedUrl(TestIdp.SLO, "SAMLRequest", xml, null,
                signer(idp.key.getPrivate()))).getRawQuery();
        SingleLogout.LogoutRequest request = SingleLogout.readRequest(query, sp, idp.trust(), Clock.systemUTC());
        assertEquals("ana", request.subject());
        assertEquals(List.of("s1"), request.sessionIndexes());
        assertEquals("_lr1", request.id());
    }

    @Test
    void c10ProviderLogoutRequestForAnotherDestinationOrSignedByAnotherKeyIsRefused() {
        String elsewhere = URI.create(RedirectBinding.signedUrl(TestIdp.SLO, "SAMLRequest",
                providerLogoutRequest("https://elsewhere.test/slo"), null, signer(idp.key.getPrivate()))).getRawQuery();
        assertEquals(Reason.DESTINATION, assertThrows(SamlRefusal.class,
                () -> SingleLogout.readRequest(elsewhere, sp, idp.trust(), Clock.systemUTC())).reason());
        String forged = URI.create(RedirectBinding.signedUrl(TestIdp.SLO, "SAMLRequest",
                providerLogoutRequest(TestIdp.SLO), null, signer(SP_KEY.getPrivate()))).getRawQuery();
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(SamlRefusal.class,
                () -> SingleLogout.readRequest(forged, sp, idp.trust(), Clock.systemUTC())).reason());
    }

    @Test
    void ourLogoutRequestAndResponseFollowTheSchema() throws Exception {
        String request = SingleLogout.requestXml("_l1", sp, idp.trust(), "ana", sp.nameIdFormat(), "s1", Clock.systemUTC());
        SamlXml.validateProtocolMessage(SamlXml.parse(request.getBytes(StandardCharsets.UTF_8)));
        String response = SingleLogout.responseXml("_l2", sp, idp.trust(), "_lr1", Clock.systemUTC());
        SamlXml.validateProtocolMessage(SamlXml.parse(response.getBytes(StandardCharsets.UTF_8)));
        String answer = "<samlp:LogoutResponse xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol' "
                + "xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='_x' Version='2.0' IssueInstant='2026-12-04T16:00:00Z' "
                + "Destination='" + TestIdp.SLO + "' InResponseTo='_l1'><saml:Issuer>" + TestIdp.ENTITY_ID + "</saml:Issuer>"
                + "<samlp:Status><samlp:StatusCode Value='urn:oasis:names:tc:SAML:2.0:status:Success'/></samlp:Status>"
                + "</samlp:LogoutResponse>";
        String query = URI.create(RedirectBinding.signedUrl(TestIdp.SLO, "SAMLResponse", answer, null,
                signer(idp.key.getPrivate()))).getRawQuery();
        assertTrue(SingleLogout.readResponse(query, sp, idp.trust(), "_l1"));
        assertEquals(Reason.IN_RESPONSE_TO, assertThrows(SamlRefusal.class,
                () -> SingleLogout.readResponse(query, sp, idp.trust(), "_other")).reason());
    }

    private static String providerLogoutRequest(String destination) {
        return "<samlp:LogoutRequest xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol' "
                + "xmlns:saml='urn:oasis:names:tc:SAML:2.0:assertion' ID='_lr1' Version='2.0' IssueInstant='2026-12-04T16:00:00Z' "
                + "Destination='" + destination + "'><saml:Issuer>" + TestIdp.ENTITY_ID + "</saml:Issuer>"
                + "<saml:NameID>ana</saml:NameID><samlp:SessionIndex>s1</samlp:SessionIndex></samlp:LogoutRequest>";
    }
}
