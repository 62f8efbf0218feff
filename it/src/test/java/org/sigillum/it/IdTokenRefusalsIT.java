package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relying party against an OpenID Connect provider run by the test (checklist C10, C11): every ID token that
 * breaks a rule is refused with its own reason on the refusal page and in the audit log, and a login below the
 * level policy never reaches the SAM.
 */
class IdTokenRefusalsIT {

    private static final String CALLBACK = OAuthApp.AUTHORIZE + "/federation/oidc";
    private static HostileOidcProvider provider;
    private static String alias;

    /** A sign-in sent to the test's provider: the browser, and the request Sigillum made there. */
    private record Started(Browser browser, OAuthApp app, String verifier, Map<String, String> request) {

        String state() {
            return request.get("state");
        }

        String nonce() {
            return request.get("nonce");
        }

        Sigillum.Reply answer() {
            return browser.open(CALLBACK + "?code=c-" + UUID.randomUUID() + "&state=" + Sigillum.urlEncode(state()));
        }
    }

    @BeforeAll
    static void registerProvider() throws Exception {
        provider = new HostileOidcProvider();
        alias = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        Federation.register(Federation.oidcProvider(alias, provider.issuer(), provider.clientId, "hostile-secret",
                Map.of("urn:test:low", "low", "urn:test:substantial", "substantial", "urn:test:high", "high")));
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    /** A user with password and PIN, linked to {@code subject} at the test's provider. */
    private static String linkedUser(String subject) {
        String user = Sigillum.createUser("fed-" + UUID.randomUUID(), CscClient.PASSWORD, CscClient.PIN);
        Federation.link(user, alias, subject);
        return user;
    }

    private static Started start(OAuthApp app, Map<String, String> extra) {
        Browser browser = new Browser();
        String verifier = OAuthApp.newVerifier();
        Map<String, String> params = new LinkedHashMap<>(extra);
        params.put("idp_hint", alias);
        Sigillum.Reply redirect = browser.open(app.authorizeQuery(verifier, params));
        assertEquals(303, redirect.status(), redirect.body());
        String location = redirect.header("Location");
        assertTrue(location.startsWith(provider.issuer() + "/authorize?"), location);
        Map<String, String> request = OAuthApp.params(location);
        assertEquals("code", request.get("response_type"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertEquals(provider.clientId, request.get("client_id"));
        return new Started(browser, app, verifier, request);
    }

    private static Started startService() {
        return start(OAuthApp.register("service"), Map.of("scope", "service"));
    }

    /** Answers with the token {@code change} makes of a valid one, and asserts the refusal page and record. */
    private static void assertRefused(String subject, UnaryOperator<JWTClaimsSet.Builder> change, Runnable how,
                                      String reason) {
        linkedUser(subject);
        Started started = startService();
        provider.next(started.nonce(), subject, "urn:test:high", change);
        how.run();
        long before = AuditLog.head();
        Sigillum.Reply refused = started.answer();
        assertRefusal(refused, reason, before);
    }

    private static void assertRefusal(Sigillum.Reply refused, String reason, long before) {
        assertRefusal(refused, reason, before, alias);
    }

    /** The refusal page and its one record, naming {@code provider} ("unknown" once the attempt is gone). */
    private static void assertRefusal(Sigillum.Reply refused, String reason, long before, String providerAlias) {
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains(reason.replace("'", "&#39;")), refused.body());
        List<JsonNode> records = Federation.records(before, "FEDERATED_LOGIN_REFUSED");
        assertEquals(1, records.size(), AuditLog.recordsAfter(before).toString());
        assertEquals("REFUSED", records.get(0).get("outcome").asText());
        String detail = records.get(0).get("detail").asText();
        assertTrue(detail.contains(reason.replace("\"", "\\\"")), detail);
        assertTrue(detail.contains("\"provider\":\"" + providerAlias + "\""), detail);
        assertTrue(Federation.records(before, "FEDERATED_LOGIN_SUCCEEDED").isEmpty());
    }

    @Test
    void c10ValidIdTokenSignsTheLinkedAccountInAndIsAudited() {
        String subject = "valid-" + UUID.randomUUID();
        String user = linkedUser(subject);
        Started started = startService();
        provider.next(started.nonce(), subject, "urn:test:substantial", UnaryOperator.identity());
        long before = AuditLog.head();

        Sigillum.Reply consent = started.answer();

        assertEquals(200, consent.status(), consent.body());
        assertTrue(consent.body().contains("Allow access"), consent.body());
        List<JsonNode> records = Federation.records(before, "FEDERATED_LOGIN_SUCCEEDED");
        assertEquals(1, records.size());
        assertEquals(user, records.get(0).get("userId").asText());
        String detail = records.get(0).get("detail").asText();
        assertTrue(detail.contains(alias) && detail.contains(subject) && detail.contains("substantial"), detail);
        Sigillum.Reply redirect = started.browser().submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve"));
        String code = started.app().code(redirect);
        assertEquals(200, started.app().redeem(code, started.verifier()).status());
    }

    @Test
    void idTokenSignedWithTheProvidersNewKeyIsAcceptedAfterARotation() throws Exception {
        String subject = "rotated-" + UUID.randomUUID();
        linkedUser(subject);
        Started first = startService();
        provider.next(first.nonce(), subject, "urn:test:high", UnaryOperator.identity());
        assertEquals(200, first.answer().status());

        provider.rotate();
        Started second = startService();
        provider.next(second.nonce(), subject, "urn:test:high", UnaryOperator.identity());
        Sigillum.Reply consent = second.answer();
        assertEquals(200, consent.status(), consent.body());
        assertTrue(consent.body().contains("Allow access"), consent.body());
    }

    @Test
    void c10IdTokenWithAnotherNonceIsRefused() {
        assertRefused("nonce-" + UUID.randomUUID(), c -> c.claim("nonce", "not-the-nonce-sigillum-sent"), () -> { },
                "the ID token's nonce does not match this sign-in");
    }

    @Test
    void c10IdTokenForAnotherAudienceIsRefused() {
        assertRefused("aud-" + UUID.randomUUID(), c -> c.audience(List.of("another-client")), () -> { },
                "the ID token is not addressed to this client (aud)");
    }

    @Test
    void c10IdTokenForSeveralAudiencesWithAnotherAzpIsRefused() {
        assertRefused("azp-" + UUID.randomUUID(), c -> c.audience(List.of(provider.clientId, "another-client"))
                .claim("azp", "another-client"), () -> { }, "the ID token was issued to another party (azp)");
    }

    @Test
    void c10IdTokenFromAnotherIssuerIsRefused() {
        assertRefused("iss-" + UUID.randomUUID(), c -> c.issuer("http://127.0.0.1:1/evil"), () -> { },
                "the ID token was issued by another issuer (iss)");
    }

    @Test
    void c10UnsignedIdTokenAlgNoneIsRefused() {
        assertRefused("none-" + UUID.randomUUID(), UnaryOperator.identity(), provider::nextUnsigned,
                "the ID token is not signed (alg none)");
    }

    @Test
    void c10IdTokenSignedByAKeyOutsideTheProvidersSetIsRefused() {
        assertRefused("key-" + UUID.randomUUID(), UnaryOperator.identity(), provider::nextSignedByAnotherKey,
                "the ID token's signature does not verify with the provider's keys");
    }

    @Test
    void c10ExpiredIdTokenIsRefused() {
        long now = System.currentTimeMillis();
        assertRefused("exp-" + UUID.randomUUID(), c -> c.expirationTime(new Date(now - 600_000))
                .issueTime(new Date(now - 900_000)), () -> { }, "the ID token has expired (exp)");
    }

    @Test
    void c10AnswerIsUsableOnceAndOnlyInTheBrowserThatStartedTheSignIn() {
        String subject = "once-" + UUID.randomUUID();
        linkedUser(subject);
        Started started = startService();
        provider.next(started.nonce(), subject, "urn:test:high", UnaryOperator.identity());
        long before = AuditLog.head();
        Sigillum.Reply elsewhere = new Browser().open(CALLBACK + "?code=c1&state=" + Sigillum.urlEncode(started.state()));
        assertRefusal(elsewhere, "This sign-in was started in another browser; start again from the application.", before);

        Started again = startService();
        provider.next(again.nonce(), subject, "urn:test:high", UnaryOperator.identity());
        assertEquals(200, again.answer().status());
        long afterFirst = AuditLog.head();
        // the attempt was taken by the first answer: the replay names no provider, and signs nobody in
        assertRefusal(again.answer(), "This sign-in has expired or was already completed; start again from the application.",
                afterFirst, "unknown");
    }

    @Test
    void unlinkedIdentityIsRefusedAndNoAccountIsCreated() throws Exception {
        String subject = "unlinked-" + UUID.randomUUID();
        Started started = startService();
        provider.next(started.nonce(), subject, "urn:test:high", UnaryOperator.identity());
        long before = AuditLog.head();
        assertRefusal(started.answer(), "This identity is not linked to a Sigillum account. Ask your signing service "
                + "provider to link it; no account is created from a sign-in.", before);
        assertTrue(AuditLog.recordsAfter(before).stream().noneMatch(r -> r.get("event").asText().equals("USER_CREATED")));
    }

    @Test
    void linkedIdentityOfADisabledAccountIsRefused() throws Exception {
        String subject = "disabled-" + UUID.randomUUID();
        String user = linkedUser(subject);
        try (Connection db = Database.connect();
             PreparedStatement disable = db.prepareStatement("UPDATE sig_user SET status = 'DISABLED' WHERE id = ?")) {
            disable.setString(1, user);
            assertEquals(1, disable.executeUpdate());
        }
        Started started = startService();
        provider.next(started.nonce(), subject, "urn:test:high", UnaryOperator.identity());
        long before = AuditLog.head();
        assertRefusal(started.answer(), "The Sigillum account linked to this identity is not active.", before);
    }

    /** A SCAL 2 credential authorization of one hash, for a linked user. */
    private static Started startSigning(String user, OAuthApp app, byte[] hash) {
        Sigillum.Reply created = Sigillum.operatorPost("/api/v1/users/" + user + "/credentials",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        assertEquals(201, created.status(), created.body());
        String credentialId = created.json().get("credentialID").asText();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("scope", "credential");
        request.put("credentialID", credentialId);
        request.put("numSignatures", "1");
        request.put("hashAlgorithmOID", CscClient.SHA256);
        request.put("hashes", OAuthFlowIT.base64url(hash));
        return start(app, request);
    }

    @Test
    void c11LoginBelowThePolicyIsRefusedWhenStepUpIsOffAndNeverReachesTheSam() {
        String subject = "below-" + UUID.randomUUID();
        String user = linkedUser(subject);
        JsonNode policy = Federation.policy("low", "high", "refuse");
        try {
            Started started = startSigning(user, OAuthApp.register("service credential"), new byte[32]);
            provider.next(started.nonce(), subject, "urn:test:substantial", UnaryOperator.identity());
            long before = AuditLog.head();

            assertRefusal(started.answer(), "The identity provider did not confirm the level of assurance this "
                    + "signature needs.", before);
            List<JsonNode> below = Federation.records(before, "LEVEL_BELOW_POLICY");
            assertEquals(1, below.size());
            assertTrue(below.get(0).get("detail").asText().contains("\"required\":\"high\""), below.get(0).toString());
            assertTrue(below.get(0).get("detail").asText().contains("\"level\":\"substantial\""), below.get(0).toString());
            List<String> events = AuditLog.recordsAfter(before).stream().map(r -> r.get("event").asText()).toList();
            assertFalse(events.contains("CODE_ISSUED") || events.contains("AUTHORIZED"), events.toString());
        } finally {
            Federation.restore(policy);
        }
    }

    @Test
    void c11LoginBelowThePolicyStepsUpAtTheProviderThenSignsAtTheHigherLevel() throws Exception {
        String subject = "stepup-" + UUID.randomUUID();
        String user = linkedUser(subject);
        JsonNode policy = Federation.policy("low", "high", "provider");
        try {
            OAuthApp app = OAuthApp.register("service credential");
            byte[] document = Signatures.randomData();
            byte[] hash = Signatures.sha256(document);
            Started started = startSigning(user, app, hash);
            provider.next(started.nonce(), subject, "urn:test:substantial", UnaryOperator.identity());
            long before = AuditLog.head();

            Sigillum.Reply stepUp = started.answer();

            assertEquals(303, stepUp.status(), stepUp.body());
            Map<String, String> again = OAuthApp.params(stepUp.header("Location"));
            assertTrue(stepUp.header("Location").startsWith(provider.issuer() + "/authorize?"));
            assertEquals("urn:test:high", again.get("acr_values"));
            assertEquals("login", again.get("prompt"));
            assertEquals("0", again.get("max_age"));
            assertNotEquals(started.state(), again.get("state"));
            assertEquals(1, Federation.records(before, "FEDERATED_STEP_UP").size());

            Started stepped = new Started(started.browser(), app, started.verifier(), again);
            provider.next(stepped.nonce(), subject, "urn:test:high", UnaryOperator.identity());
            Sigillum.Reply consent = stepped.answer();
            assertEquals(200, consent.status(), consent.body());
            assertTrue(consent.body().contains("Approve signing"), consent.body());
            String code = app.code(stepped.browser().submit(OAuthApp.AUTHORIZE + "/consent",
                    Map.of("decision", "approve", "pin", CscClient.PIN)));
            JsonNode tokens = app.tokens(code, stepped.verifier());
            String credentialId = tokens.get("credentialID").asText();
            ObjectNode sign = OAuthFlowIT.signRequest(credentialId, List.of(hash), "1.2.840.10045.4.3.2", null);
            Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json", sign.toString(),
                    tokens.get("access_token").asText());
            assertEquals(200, signed.status(), signed.body());
            PublicKey key = OAuthFlowIT.certificateKey(serviceToken(app, subject), credentialId);
            assertTrue(Signatures.verify(key, "1.2.840.10045.4.3.2", document,
                    signed.json().get("signatures").get(0).asText()));
            List<JsonNode> issued = Federation.records(before, "CODE_ISSUED").stream()
                    .filter(r -> r.get("detail").asText().contains("\"scope\":\"credential\"")).toList();
            assertEquals(1, issued.size());
            assertTrue(issued.get(0).get("detail").asText().contains("loa:high"), issued.get(0).toString());
            assertTrue(issued.get(0).get("detail").asText().contains("idp:" + alias), issued.get(0).toString());
        } finally {
            Federation.restore(policy);
        }
    }

    @Test
    void c11StepUpThatStillFallsShortIsRefused() {
        String subject = "short-" + UUID.randomUUID();
        String user = linkedUser(subject);
        JsonNode policy = Federation.policy("low", "high", "provider");
        try {
            Started started = startSigning(user, OAuthApp.register("service credential"), new byte[32]);
            provider.next(started.nonce(), subject, "urn:test:substantial", UnaryOperator.identity());
            Sigillum.Reply stepUp = started.answer();
            assertEquals(303, stepUp.status(), stepUp.body());
            Started stepped = new Started(started.browser(), started.app(), started.verifier(),
                    OAuthApp.params(stepUp.header("Location")));
            provider.next(stepped.nonce(), subject, "urn:test:substantial", UnaryOperator.identity());
            long before = AuditLog.head();

            assertRefusal(stepped.answer(), "The identity provider did not confirm the level of assurance this "
                    + "signature needs.", before);
            assertEquals(1, Federation.records(before, "LEVEL_BELOW_POLICY").size());
        } finally {
            Federation.restore(policy);
        }
    }

    @Test
    void c11LocalPasswordLoginBelowThePolicyGetsNoSad() {
        OAuthFlowIT.Signer signer = OAuthFlowIT.Signer.create();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        JsonNode policy = Federation.policy("low", "substantial", "provider");
        try {
            Browser browser = new Browser();
            String verifier = OAuthApp.newVerifier();
            browser.open(signer.app().authorizeQuery(verifier, Map.of("scope", "credential", "credentialID", credentialId,
                    "numSignatures", "1", "hashAlgorithmOID", CscClient.SHA256, "hashes",
                    OAuthFlowIT.base64url(new byte[32]))));
            assertEquals(200, browser.submit(OAuthApp.AUTHORIZE + "/login", Map.of("username", signer.username(),
                    "password", CscClient.PASSWORD)).status());
            long before = AuditLog.head();

            Sigillum.Reply refused = browser.submit(OAuthApp.AUTHORIZE + "/consent",
                    Map.of("decision", "approve", "pin", CscClient.PIN));

            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().contains("needs the level of assurance substantial; this sign-in reached low"),
                    refused.body());
            List<JsonNode> below = Federation.records(before, "LEVEL_BELOW_POLICY");
            assertEquals(1, below.size());
            assertTrue(below.get(0).get("detail").asText().contains("\"provider\":\"local\""), below.get(0).toString());
            List<String> events = AuditLog.recordsAfter(before).stream().map(r -> r.get("event").asText()).toList();
            assertFalse(events.contains("CODE_ISSUED"), events.toString());
        } finally {
            Federation.restore(policy);
        }
    }

    /** A service-scope token of the user linked to {@code subject}, through the provider. */
    private static String serviceToken(OAuthApp app, String subject) {
        Started started = start(app, Map.of("scope", "service"));
        provider.next(started.nonce(), subject, "urn:test:high", UnaryOperator.identity());
        assertEquals(200, started.answer().status());
        String code = app.code(started.browser().submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve")));
        return app.tokens(code, started.verifier()).get("access_token").asText();
    }
}
