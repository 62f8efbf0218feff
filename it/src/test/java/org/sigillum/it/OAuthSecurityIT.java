package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Checklist C1–C6: each test tries to get a token or a signature the authorization server must refuse. */
class OAuthSecurityIT {

    private static final String LIST = "/csc/v2/credentials/list";

    private static OAuthFlowIT.Signer signer() {
        return OAuthFlowIT.Signer.create();
    }

    @Test
    void c1RedirectUriMustMatchARegisteredValueExactly() {
        OAuthApp app = OAuthApp.register("service");
        String verifier = OAuthApp.newVerifier();
        for (String wrong : List.of(app.redirectUri + "/x", app.redirectUri + "?next=evil", app.redirectUri + "#f",
                app.redirectUri.replace("127.0.0.1:9", "127.0.0.1:10"), app.redirectUri.toUpperCase(),
                "https://evil.example/callback")) {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("scope", "service");
            extra.put("redirect_uri", wrong);
            Sigillum.Reply reply = new Browser().open(app.authorizeQuery(verifier, extra));
            assertEquals(400, reply.status(), wrong);
            assertNull(reply.header("Location"), "never redirect to an unregistered URI: " + wrong);
            assertTrue(reply.body().contains("redirect_uri"), reply.body());
        }
        Map<String, String> noRedirect = new LinkedHashMap<>();
        noRedirect.put("scope", "service");
        noRedirect.put("redirect_uri", null);
        assertEquals(400, new Browser().open(app.authorizeQuery(verifier, noRedirect)).status());
        Map<String, String> unknownClient = new LinkedHashMap<>();
        unknownClient.put("client_id", "no-such-client");
        unknownClient.put("scope", "service");
        Sigillum.Reply unknown = new Browser().open(app.authorizeQuery(verifier, unknownClient));
        assertEquals(400, unknown.status());
        assertNull(unknown.header("Location"));
    }

    @Test
    void c2CodeWorksOnceAndReplayRevokesWhatItIssued() {
        OAuthFlowIT.Signer signer = signer();
        String verifier = OAuthApp.newVerifier();
        String code = signer.app().approve(new Browser(), verifier, Map.of("scope", "service"), signer.username(),
                CscClient.PASSWORD, null);
        JsonNode tokens = signer.app().tokens(code, verifier);
        String access = tokens.get("access_token").asText();
        assertEquals(200, Sigillum.post(LIST, "application/json", "{}", access).status());

        ApiErrors.assertError(signer.app().redeem(code, verifier), 400, "invalid_grant");
        ApiErrors.assertError(Sigillum.post(LIST, "application/json", "{}", access), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, signer.app().basic(), "grant_type=refresh_token&refresh_token="
                + tokens.get("refresh_token").asText()), 400, "invalid_grant");
    }

    @Test
    void c2ReplayedCredentialCodeWithdrawsTheSad() {
        OAuthFlowIT.Signer signer = signer();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        byte[] hash = new byte[32];
        String verifier = OAuthApp.newVerifier();
        String code = signer.app().approve(new Browser(), verifier, Map.of("scope", "credential", "credentialID",
                credentialId, "numSignatures", "1", "hashAlgorithmOID", CscClient.SHA256,
                "hashes", OAuthFlowIT.base64url(hash)), signer.username(), CscClient.PASSWORD, CscClient.PIN);
        String token = signer.app().tokens(code, verifier).get("access_token").asText();
        ApiErrors.assertError(signer.app().redeem(code, verifier), 400, "invalid_grant");
        Sigillum.Reply refused = Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                OAuthFlowIT.signRequest(credentialId, List.of(hash), "1.2.840.10045.4.3.2", null).toString(), token);
        assertEquals(401, refused.status(), refused.body());
        String service = signer.serviceToken();
        ObjectNode asSad = OAuthFlowIT.signRequest(credentialId, List.of(hash), "1.2.840.10045.4.3.2", null).put("SAD", token);
        ApiErrors.assertError(Sigillum.post("/csc/v2/signatures/signHash", "application/json", asSad.toString(), service),
                400, "invalid_request");
    }

    @Test
    void c2CodesLiveAtMostSixtySeconds() {
        String lifespan = ManagementCli.run("/subsystem=infinispan/cache-container=sigillum/local-cache=oauth-codes"
                + "/component=expiration:read-attribute(name=lifespan)");
        assertTrue(lifespan.contains("\"result\" => 60000L") || lifespan.matches("(?s).*\"result\" => [1-5]?[0-9]{1,4}L.*"),
                lifespan);
    }

    @Test
    void c3PkceS256IsRequired() {
        OAuthFlowIT.Signer signer = signer();
        OAuthApp app = signer.app();
        String verifier = OAuthApp.newVerifier();
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("scope", "service");
        plain.put("code_challenge", verifier);
        plain.put("code_challenge_method", "plain");
        assertEquals("invalid_request", redirectError(app, plain));
        Map<String, String> none = new LinkedHashMap<>();
        none.put("scope", "service");
        none.put("code_challenge", null);
        none.put("code_challenge_method", null);
        assertEquals("invalid_request", redirectError(app, none));

        String code = app.approve(new Browser(), verifier, Map.of("scope", "service"), signer.username(),
                CscClient.PASSWORD, null);
        ApiErrors.assertError(app.redeem(code, OAuthApp.newVerifier()), 400, "invalid_grant");
        String code2 = app.approve(new Browser(), verifier, Map.of("scope", "service"), signer.username(),
                CscClient.PASSWORD, null);
        ApiErrors.assertError(app.redeem(code2, null), 400, "invalid_grant");
        String code3 = app.approve(new Browser(), verifier, Map.of("scope", "service"), signer.username(),
                CscClient.PASSWORD, null);
        ApiErrors.assertError(app.redeem(code3, OAuthApp.challenge(verifier)), 400, "invalid_grant");
    }

    @Test
    void c4CodeOfClientACannotBeRedeemedByClientB() {
        OAuthFlowIT.Signer signer = signer();
        OAuthApp thief = OAuthApp.register("service credential");
        String verifier = OAuthApp.newVerifier();
        String code = signer.app().approve(new Browser(), verifier, Map.of("scope", "service"), signer.username(),
                CscClient.PASSWORD, null);
        Sigillum.Reply stolen = Sigillum.form(OAuthApp.TOKEN, thief.basic(), "grant_type=authorization_code&code="
                + Sigillum.urlEncode(code) + "&redirect_uri=" + Sigillum.urlEncode(signer.app().redirectUri)
                + "&code_verifier=" + verifier);
        ApiErrors.assertError(stolen, 400, "invalid_grant");
        ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, Sigillum.basic(signer.app().clientId, "wrong-secret"),
                "grant_type=authorization_code&code=x&redirect_uri=x&code_verifier=" + verifier), 401, "invalid_client");
    }

    @Test
    void c5TokensAreUsableOnlyForTheirScopeAndAudience() {
        OAuthFlowIT.Signer signer = signer();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        String service = signer.serviceToken();
        byte[] hash = new byte[32];
        ApiErrors.assertError(Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                OAuthFlowIT.signRequest(credentialId, List.of(hash), "1.2.840.10045.4.3.2", null).toString(), service),
                400, "invalid_request");
        ApiErrors.assertError(Sigillum.get("/api/v1/users/" + signer.userId(), service), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.post(LIST, "application/json", "{}", Sigillum.operatorToken()), 401, "invalid_token");

        String credential = signer.credentialTokens(Map.of("scope", "credential", "credentialID", credentialId,
                "numSignatures", "1", "hashAlgorithmOID", CscClient.SHA256, "hashes", OAuthFlowIT.base64url(hash)))
                .get("access_token").asText();
        ApiErrors.assertError(Sigillum.post(LIST, "application/json", "{}", credential), 403, "insufficient_scope");
        ApiErrors.assertError(Sigillum.post("/csc/v2/credentials/authorize", "application/json",
                Sigillum.object().put("credentialID", credentialId).put("numSignatures", 1).toString(), credential),
                403, "insufficient_scope");
        ApiErrors.assertError(Sigillum.get("/api/v1/users/" + signer.userId(), credential), 401, "invalid_token");
        String otherCredential = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        Sigillum.Reply elsewhere = Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                OAuthFlowIT.signRequest(otherCredential, List.of(hash), "1.2.840.10045.4.3.2", null).toString(), credential);
        assertEquals(400, elsewhere.status(), elsewhere.body());

        OAuthApp serviceOnly = OAuthApp.register("service");
        Map<String, String> credentialScope = new LinkedHashMap<>();
        credentialScope.put("scope", "credential");
        credentialScope.put("credentialID", credentialId);
        assertEquals("invalid_scope", redirectError(serviceOnly, credentialScope));
        ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, serviceOnly.basic(), "grant_type=client_credentials&scope=admin"),
                400, "invalid_scope");
    }

    @Test
    void c6ReusedRefreshTokenRevokesTheFamily() {
        OAuthFlowIT.Signer signer = signer();
        String verifier = OAuthApp.newVerifier();
        String code = signer.app().approve(new Browser(), verifier, Map.of("scope", "service"), signer.username(),
                CscClient.PASSWORD, null);
        JsonNode first = signer.app().tokens(code, verifier);
        Sigillum.Reply rotated = refresh(signer.app(), first.get("refresh_token").asText());
        assertEquals(200, rotated.status(), rotated.body());
        String secondAccess = rotated.json().get("access_token").asText();
        String secondRefresh = rotated.json().get("refresh_token").asText();
        assertEquals(200, Sigillum.post(LIST, "application/json", "{}", secondAccess).status());

        ApiErrors.assertError(refresh(signer.app(), first.get("refresh_token").asText()), 400, "invalid_grant");
        ApiErrors.assertError(Sigillum.post(LIST, "application/json", "{}", secondAccess), 401, "invalid_token");
        ApiErrors.assertError(refresh(signer.app(), secondRefresh), 400, "invalid_grant");

        OAuthApp other = OAuthApp.register("service");
        String verifier2 = OAuthApp.newVerifier();
        String code2 = signer.app().approve(new Browser(), verifier2, Map.of("scope", "service"), signer.username(),
                CscClient.PASSWORD, null);
        JsonNode third = signer.app().tokens(code2, verifier2);
        ApiErrors.assertError(refresh(other, third.get("refresh_token").asText()), 400, "invalid_grant");
    }

    @Test
    void formsRefuseForgedOrCrossBrowserPosts() {
        OAuthFlowIT.Signer signer = signer();
        Browser victim = new Browser();
        victim.open(signer.app().authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service")));
        String victimCsrf = victim.csrf();
        Sigillum.Reply forged = victim.post(OAuthApp.AUTHORIZE + "/login", Map.of("csrf", "forged",
                "username", signer.username(), "password", CscClient.PASSWORD));
        // each refusal answers its code's own status: a wrong CSRF value is access_denied, a form without the
        // browser's transaction cookie an expired (unknown) sign-in
        assertEquals(403, forged.status());
        assertTrue(forged.body().contains("the form is stale or forged"), forged.body());
        Browser attacker = new Browser();
        Sigillum.Reply crossBrowser = attacker.post(OAuthApp.AUTHORIZE + "/login", Map.of("csrf", victimCsrf,
                "username", signer.username(), "password", CscClient.PASSWORD));
        assertEquals(400, crossBrowser.status());
        assertTrue(crossBrowser.body().contains("this sign-in has expired"), crossBrowser.body());
        Sigillum.Reply genuine = victim.post(OAuthApp.AUTHORIZE + "/login", Map.of("csrf", victimCsrf,
                "username", signer.username(), "password", CscClient.PASSWORD));
        assertEquals(200, genuine.status(), "the refusals left the victim's own sign-in usable");
        Sigillum.Reply page = victim.open(signer.app().authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service")));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertTrue(page.header("Set-Cookie").contains("HttpOnly"));
    }

    @Test
    void privateKeyJwtClientsAuthenticateWithSingleUseAssertions() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        ObjectNode registration = Sigillum.object().put("client_name", "jwt client").put("scope", "admin")
                .put("token_endpoint_auth_method", "private_key_jwt")
                .put("jwks", "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}");
        Sigillum.Reply registered = Sigillum.operatorPost("/api/v1/clients", registration);
        assertEquals(201, registered.status(), registered.body());
        String clientId = registered.json().get("client_id").asText();
        assertTrue(registered.json().path("client_secret").isMissingNode() || registered.json().get("client_secret").isNull());

        String assertion = assertion(clientId, key, Sigillum.env("SIGILLUM_IT_URL") + OAuthApp.TOKEN);
        String body = "grant_type=client_credentials&scope=admin&client_assertion_type="
                + Sigillum.urlEncode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion=";
        Sigillum.Reply token = Sigillum.form(OAuthApp.TOKEN, null, body + assertion);
        assertEquals(200, token.status(), token.body());
        assertEquals(200, Sigillum.get("/api/v1/clients/" + clientId, token.json().get("access_token").asText()).status());
        ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, null, body + assertion), 401, "invalid_client");

        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, null, body
                + assertion(clientId, stranger, Sigillum.env("SIGILLUM_IT_URL") + OAuthApp.TOKEN)), 401, "invalid_client");
        ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, null, body
                + assertion(clientId, key, "https://other.example/token")), 401, "invalid_client");

        ObjectNode withPrivate = registration.deepCopy().put("jwks", "{\"keys\":[" + key.toJSONString() + "]}");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/clients", withPrivate), 400, "invalid_request");
    }

    /**
     * An assertion without {@code jti} leaves the replay ledger nothing to claim: the server this was found on gave
     * three admin tokens for one such assertion. It is refused, the first time already.
     */
    @Test
    void privateKeyJwtAssertionWithoutJtiIsRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        ObjectNode registration = Sigillum.object().put("client_name", "jwt client without jti").put("scope", "admin")
                .put("token_endpoint_auth_method", "private_key_jwt")
                .put("jwks", "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}");
        Sigillum.Reply registered = Sigillum.operatorPost("/api/v1/clients", registration);
        assertEquals(201, registered.status(), registered.body());
        String clientId = registered.json().get("client_id").asText();
        String assertion = assertion(clientId, key, Sigillum.env("SIGILLUM_IT_URL") + OAuthApp.TOKEN, null);
        String body = "grant_type=client_credentials&scope=admin&client_assertion_type="
                + Sigillum.urlEncode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion=";
        for (int i = 0; i < 3; i++) {
            ApiErrors.assertError(Sigillum.form(OAuthApp.TOKEN, null, body + assertion), 401, "invalid_client");
        }
    }

    @Test
    void registrationRefusesUnsafeRedirectUris() {
        for (String uri : List.of("http://example.com/cb", "javascript:alert(1)", "https://app.example/cb#frag", "/relative")) {
            ObjectNode body = Sigillum.object().put("client_name", "x").put("scope", "service");
            body.putArray("redirect_uris").add(uri);
            ApiErrors.assertError(Sigillum.operatorPost("/api/v1/clients", body), 400, "invalid_request");
        }
    }

    private static String assertion(String clientId, ECKey key, String audience) throws Exception {
        return assertion(clientId, key, audience, UUID.randomUUID().toString());
    }

    static String assertion(String clientId, ECKey key, String audience, String jti) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .jwtID(jti).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static Sigillum.Reply refresh(OAuthApp app, String refreshToken) {
        return Sigillum.form(OAuthApp.TOKEN, app.basic(), "grant_type=refresh_token&refresh_token="
                + Sigillum.urlEncode(refreshToken));
    }

    /** Opens an authorization request that must be refused by a redirect; returns its error code. */
    private static String redirectError(OAuthApp app, Map<String, String> extra) {
        Sigillum.Reply reply = new Browser().open(app.authorizeQuery(OAuthApp.newVerifier(), extra));
        assertEquals(303, reply.status(), reply.body());
        Map<String, String> params = OAuthApp.params(reply.header("Location"));
        assertNull(params.get("code"));
        return params.get("error");
    }
}
