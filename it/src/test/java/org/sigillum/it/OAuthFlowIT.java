package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CSC v2 flow through the OAuth 2.0 authorization server: login and consent pages, code with PKCE, service
 * token, then a credential-scope token that is the SAD of exactly the hashes the user approved.
 */
class OAuthFlowIT {

    private static final String RSA_PKCS1_SHA256 = "1.2.840.113549.1.1.11";
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String RSA_PSS = "1.2.840.113549.1.1.10";
    /** DER RSASSA-PSS-params: SHA-256, MGF1 with SHA-256, salt 32. */
    private static final String PSS_SHA256_PARAMS = "MDSgDzANBglghkgBZQMEAgEFAKEcMBoGCSqGSIb3DQEBCDANBglghkgBZQMEAgEFAKIDAgEg";

    /** A user with password and PIN, and a client application allowed both scopes. */
    record Signer(String username, String userId, OAuthApp app) {
        static Signer create() {
            String name = "oauth-" + UUID.randomUUID();
            return new Signer(name, Sigillum.createUser(name, CscClient.PASSWORD, CscClient.PIN),
                    OAuthApp.register("service credential"));
        }

        JsonNode credential(String spec) {
            Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials", spec);
            assertEquals(201, reply.status(), reply.body());
            return reply.json();
        }

        String serviceToken() {
            String verifier = OAuthApp.newVerifier();
            String code = app.approve(new Browser(), verifier, Map.of("scope", "service"), username, CscClient.PASSWORD,
                    null);
            return app.tokens(code, verifier).get("access_token").asText();
        }

        JsonNode credentialTokens(Map<String, String> request) {
            String verifier = OAuthApp.newVerifier();
            String code = app.approve(new Browser(), verifier, request, username, CscClient.PASSWORD, CscClient.PIN);
            return app.tokens(code, verifier);
        }
    }

    @Test
    void serviceTokenListsTheUsersCredentials() {
        Signer signer = Signer.create();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        String verifier = OAuthApp.newVerifier();
        String code = signer.app().approve(new Browser(), verifier, Map.of("scope", "service"), signer.username(),
                CscClient.PASSWORD, null);
        JsonNode tokens = signer.app().tokens(code, verifier);
        assertEquals("Bearer", tokens.get("token_type").asText());
        assertEquals("service", tokens.get("scope").asText());
        assertTrue(tokens.get("expires_in").asLong() > 0);
        assertTrue(tokens.hasNonNull("refresh_token"));
        Sigillum.Reply list = Sigillum.post("/csc/v2/credentials/list", "application/json", "{}",
                tokens.get("access_token").asText());
        assertEquals(200, list.status(), list.body());
        assertEquals(List.of(credentialId), ids(list.json().get("credentialIDs")));
    }

    @Test
    void credentialTokenSignsExactlyTheApprovedHashesRsaPkcs1() throws Exception {
        signsWithCredentialToken("{\"keyAlgo\":\"RSA\",\"keyLength\":2048}", RSA_PKCS1_SHA256, null);
    }

    @Test
    void credentialTokenSignsExactlyTheApprovedHashesRsaPss() throws Exception {
        signsWithCredentialToken("{\"keyAlgo\":\"RSA\",\"keyLength\":2048}", RSA_PSS, PSS_SHA256_PARAMS);
    }

    @Test
    void credentialTokenSignsExactlyTheApprovedHashesEc() throws Exception {
        signsWithCredentialToken("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}", ECDSA_SHA256, null);
    }

    private void signsWithCredentialToken(String spec, String signAlgo, String signAlgoParams) throws Exception {
        Signer signer = Signer.create();
        JsonNode credential = signer.credential(spec);
        String credentialId = credential.get("credentialID").asText();
        List<byte[]> documents = List.of(Signatures.randomData(), Signatures.randomData());
        List<byte[]> hashes = List.of(Signatures.sha256(documents.get(0)), Signatures.sha256(documents.get(1)));
        Map<String, String> request = new LinkedHashMap<>();
        request.put("scope", "credential");
        request.put("credentialID", credentialId);
        request.put("numSignatures", "2");
        request.put("hashAlgorithmOID", CscClient.SHA256);
        request.put("hashes", base64url(hashes.get(0)) + "," + base64url(hashes.get(1)));
        JsonNode tokens = signer.credentialTokens(request);
        assertEquals("credential", tokens.get("scope").asText());
        assertEquals(credentialId, tokens.get("credentialID").asText());
        assertFalse(tokens.has("refresh_token"), "a credential authorization is not refreshable");
        String credentialToken = tokens.get("access_token").asText();

        ObjectNode sign = signRequest(credentialId, hashes, signAlgo, signAlgoParams);
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json", sign.toString(),
                credentialToken);
        assertEquals(200, signed.status(), signed.body());
        PublicKey key = certificateKey(signer.serviceToken(), credentialId);
        for (int i = 0; i < 2; i++) {
            assertTrue(Signatures.verify(key, signAlgo, documents.get(i), signed.json().get("signatures").get(i).asText()));
        }
        ApiErrors.assertError(Sigillum.post("/csc/v2/signatures/signHash", "application/json", sign.toString(),
                credentialToken), 400, "invalid_request");
    }

    @Test
    void richAuthorizationRequestShowsDocumentLabelsAndBindsTheirDigests() throws Exception {
        Signer signer = Signer.create();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        byte[] document = Signatures.randomData();
        byte[] hash = Signatures.sha256(document);
        ArrayNode details = Sigillum.JSON.createArrayNode();
        ObjectNode detail = details.addObject().put("type", "credential").put("credentialID", credentialId)
                .put("hashAlgorithmOID", CscClient.SHA256);
        detail.putArray("documentDigests").addObject().put("hash", Base64.getEncoder().encodeToString(hash))
                .put("label", "Contract <2026>.pdf");
        String verifier = OAuthApp.newVerifier();
        Browser browser = new Browser();
        browser.open(signer.app().authorizeQuery(verifier, Map.of("authorization_details", details.toString())));
        Sigillum.Reply consent = browser.submit(OAuthApp.AUTHORIZE + "/login",
                Map.of("username", signer.username(), "password", CscClient.PASSWORD));
        assertTrue(consent.body().contains("Contract &lt;2026&gt;.pdf"), consent.body());
        assertTrue(consent.body().contains(Base64.getEncoder().encodeToString(hash)));
        assertFalse(consent.body().contains("<b>http"), "the client name is escaped");
        String code = signer.app().code(browser.submit(OAuthApp.AUTHORIZE + "/consent",
                Map.of("decision", "approve", "pin", CscClient.PIN)));
        JsonNode tokens = signer.app().tokens(code, verifier);
        assertEquals("credential", tokens.get("authorization_details").get(0).get("type").asText());

        byte[] other = Signatures.sha256(Signatures.randomData());
        ApiErrors.assertError(Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                signRequest(credentialId, List.of(other), ECDSA_SHA256, null).toString(),
                tokens.get("access_token").asText()), 403, "invalid_hash");
    }

    @Test
    void consentPageShowsTheDocumentsPushedAlongWithTheirDigests() throws Exception {
        Signer signer = Signer.create();
        OAuthApp app = signer.app();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        byte[] pdf = TestDocuments.pdf("Lease agreement");
        byte[] xml = TestDocuments.xml("Widgets Ltd");
        ArrayNode details = Sigillum.JSON.createArrayNode();
        ObjectNode detail = details.addObject().put("type", "credential").put("credentialID", credentialId)
                .put("hashAlgorithmOID", CscClient.SHA256);
        detail.putArray("documentDigests")
                .add(Sigillum.object().put("hash", Base64.getEncoder().encodeToString(Signatures.sha256(pdf)))
                        .put("label", "lease.pdf").put("content", Base64.getEncoder().encodeToString(pdf)))
                .add(Sigillum.object().put("hash", Base64.getEncoder().encodeToString(Signatures.sha256(xml)))
                        .put("label", "order.xml").put("content", Base64.getEncoder().encodeToString(xml)));
        String verifier = OAuthApp.newVerifier();
        String query = app.authorizeQuery(verifier, java.util.Map.of("authorization_details", details.toString()));
        Sigillum.Reply pushed = Sigillum.form("/csc/v2/oauth2/pushed_authorize", app.basic(),
                query.substring(query.indexOf('?') + 1));
        assertEquals(201, pushed.status(), pushed.body());
        Browser browser = new Browser();
        browser.open(OAuthApp.AUTHORIZE + "?client_id=" + app.clientId + "&request_uri="
                + Sigillum.urlEncode(pushed.json().get("request_uri").asText()));
        Sigillum.Reply consent = browser.submit(OAuthApp.AUTHORIZE + "/login",
                Map.of("username", signer.username(), "password", CscClient.PASSWORD));
        assertTrue(consent.body().contains("src=\"/csc/v2/oauth2/authorize/preview/0\""), consent.body());
        assertTrue(consent.body().contains("&lt;party&gt;Widgets Ltd&lt;/party&gt;"), "the XML is shown: " + consent.body());
        assertTrue(consent.body().contains(pdf.length + " bytes"));
        Sigillum.Reply image = browser.get(OAuthApp.AUTHORIZE + "/preview/0");
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type"));
        assertTrue(image.body().contains("PNG"));
        assertEquals(404, new Browser().open(OAuthApp.AUTHORIZE + "/preview/0").status(), "only the signer's browser");
        assertEquals(404, browser.get(OAuthApp.AUTHORIZE + "/preview/1").status(), "the XML has no image");
        String code = app.code(browser.submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve",
                "pin", CscClient.PIN)));
        JsonNode tokens = app.tokens(code, verifier);
        assertFalse(tokens.get("authorization_details").toString().contains("content"),
                "the token response echoes digests and labels, not the documents");

        ((ObjectNode) detail.get("documentDigests").get(1)).put("content", Base64.getEncoder().encodeToString(pdf));
        String forged = app.authorizeQuery(OAuthApp.newVerifier(), java.util.Map.of("authorization_details",
                details.toString()));
        ApiErrors.assertError(Sigillum.form("/csc/v2/oauth2/pushed_authorize", app.basic(),
                forged.substring(forged.indexOf('?') + 1)), 400, "invalid_request");
    }

    @Test
    void c8WrongPinOnTheConsentPageDoesNotSayWhichFactorAndLetsTheUserRetry() {
        Signer signer = Signer.create();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        Browser browser = new Browser();
        String verifier = OAuthApp.newVerifier();
        browser.open(signer.app().authorizeQuery(verifier, Map.of("scope", "credential", "credentialID", credentialId,
                "numSignatures", "1", "hashAlgorithmOID", CscClient.SHA256,
                "hashes", base64url(new byte[32]))));
        browser.submit(OAuthApp.AUTHORIZE + "/login", Map.of("username", signer.username(), "password", CscClient.PASSWORD));
        Sigillum.Reply wrong = browser.submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve", "pin", "000000"));
        assertEquals(200, wrong.status());
        assertTrue(wrong.body().contains("The PIN or one-time code is wrong, or signing is locked."), wrong.body());
        String code = signer.app().code(browser.submit(OAuthApp.AUTHORIZE + "/consent",
                Map.of("decision", "approve", "pin", CscClient.PIN)));
        assertEquals(200, signer.app().redeem(code, verifier).status());
    }

    @Test
    void wrongPasswordShowsTheLoginPageAgain() {
        Signer signer = Signer.create();
        Browser browser = new Browser();
        browser.open(signer.app().authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service")));
        Sigillum.Reply again = browser.submit(OAuthApp.AUTHORIZE + "/login",
                Map.of("username", signer.username(), "password", "wrong password"));
        assertEquals(200, again.status());
        assertTrue(again.body().contains("The username or password is wrong"), again.body());
        assertTrue(again.body().contains("name=\"password\""));
    }

    @Test
    void declinedConsentRedirectsWithAccessDenied() {
        Signer signer = Signer.create();
        Browser browser = new Browser();
        browser.open(signer.app().authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service")));
        browser.submit(OAuthApp.AUTHORIZE + "/login", Map.of("username", signer.username(), "password", CscClient.PASSWORD));
        Sigillum.Reply declined = browser.submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "deny"));
        assertEquals(303, declined.status());
        Map<String, String> params = OAuthApp.params(declined.header("Location"));
        assertEquals("access_denied", params.get("error"));
        assertNull(params.get("code"));
    }

    @Test
    void pushedAuthorizationRequestIsUsableOnceByItsClient() {
        Signer signer = Signer.create();
        OAuthApp app = signer.app();
        String verifier = OAuthApp.newVerifier();
        String query = app.authorizeQuery(verifier, Map.of("scope", "service"));
        Sigillum.Reply pushed = Sigillum.form("/csc/v2/oauth2/pushed_authorize", app.basic(),
                query.substring(query.indexOf('?') + 1));
        assertEquals(201, pushed.status(), pushed.body());
        String requestUri = pushed.json().get("request_uri").asText();
        assertTrue(requestUri.startsWith("urn:ietf:params:oauth:request_uri:"));
        assertTrue(pushed.json().get("expires_in").asLong() <= 90);

        String byReference = OAuthApp.AUTHORIZE + "?client_id=" + app.clientId + "&request_uri="
                + Sigillum.urlEncode(requestUri);
        OAuthApp other = OAuthApp.register("service");
        assertEquals(400, new Browser().open(OAuthApp.AUTHORIZE + "?client_id=" + other.clientId + "&request_uri="
                + Sigillum.urlEncode(requestUri)).status(), "another client cannot use the pushed request");
        Browser browser = new Browser();
        assertEquals(400, browser.open(byReference).status(), "a failed attempt consumes the request_uri");

        Sigillum.Reply again = Sigillum.form("/csc/v2/oauth2/pushed_authorize", app.basic(),
                query.substring(query.indexOf('?') + 1));
        String fresh = again.json().get("request_uri").asText();
        browser = new Browser();
        assertEquals(200, browser.open(OAuthApp.AUTHORIZE + "?client_id=" + app.clientId + "&request_uri="
                + Sigillum.urlEncode(fresh)).status());
        browser.submit(OAuthApp.AUTHORIZE + "/login", Map.of("username", signer.username(), "password", CscClient.PASSWORD));
        String code = app.code(browser.submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve")));
        assertEquals(200, app.redeem(code, verifier).status());
        assertEquals(400, new Browser().open(OAuthApp.AUTHORIZE + "?client_id=" + app.clientId + "&request_uri="
                + Sigillum.urlEncode(fresh)).status(), "a request_uri is single-use");
        ApiErrors.assertError(Sigillum.form("/csc/v2/oauth2/pushed_authorize", null,
                query.substring(query.indexOf('?') + 1)), 401, "invalid_client");
    }

    @Test
    void metadataDescribesTheServer() {
        Sigillum.Reply reply = Sigillum.get("/.well-known/oauth-authorization-server", null);
        assertEquals(200, reply.status(), reply.body());
        JsonNode metadata = reply.json();
        String base = Sigillum.env("SIGILLUM_IT_URL");
        assertEquals(base, metadata.get("issuer").asText());
        assertEquals(base + "/csc/v2/oauth2/authorize", metadata.get("authorization_endpoint").asText());
        assertEquals(base + "/csc/v2/oauth2/token", metadata.get("token_endpoint").asText());
        assertEquals(base + "/csc/v2/oauth2/pushed_authorization_request".replace("pushed_authorization_request",
                "pushed_authorize"), metadata.get("pushed_authorization_request_endpoint").asText());
        assertEquals(List.of("S256"), ids(metadata.get("code_challenge_methods_supported")));
        assertTrue(ids(metadata.get("grant_types_supported")).contains("client_credentials"));
    }

    @Test
    void revokedAccessTokenNoLongerWorks() {
        Signer signer = Signer.create();
        String token = signer.serviceToken();
        assertEquals(200, Sigillum.form("/csc/v2/oauth2/revoke", signer.app().basic(),
                "token=" + Sigillum.urlEncode(token)).status());
        ApiErrors.assertError(Sigillum.post("/csc/v2/credentials/list", "application/json", "{}", token), 401,
                "invalid_token");
    }

    static ObjectNode signRequest(String credentialId, List<byte[]> hashes, String signAlgo, String signAlgoParams) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("signAlgo", signAlgo)
                .put("hashAlgorithmOID", CscClient.SHA256);
        if (signAlgoParams != null) {
            body.put("signAlgoParams", signAlgoParams);
        }
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        return body;
    }

    static PublicKey certificateKey(String serviceToken, String credentialId) throws Exception {
        Sigillum.Reply info = Sigillum.post("/csc/v2/credentials/info", "application/json",
                Sigillum.object().put("credentialID", credentialId).put("certificates", "single").toString(), serviceToken);
        assertEquals(200, info.status(), info.body());
        byte[] der = Base64.getDecoder().decode(info.json().get("cert").get("certificates").get(0).asText());
        return java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der)).getPublicKey();
    }

    static String base64url(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    static List<String> ids(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
