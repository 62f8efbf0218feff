package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Federated sign-in at a real Keycloak (bin/sigillum test starts it with the realm of idp/) in a real headless
 * browser: the sign-in page lists the provider, Keycloak authenticates, Sigillum's consent page follows, and the
 * code becomes a token that signs a hash verified here with JCA. Keycloak's users and their fixed IDs (the OIDC
 * {@code sub}) are those of idp/sigillum-realm.json.
 */
class KeycloakOidcSignInIT {

    private static final String ANA = "0a7e2c4d-1b3f-4a5e-8c6d-000000000a0a";
    private static final String OTTO = "0a7e2c4d-1b3f-4a5e-8c6d-000000000b0b";
    private static final String CARL = "0a7e2c4d-1b3f-4a5e-8c6d-000000000c0c";
    private static final String OTTO_TOTP_SEED = "sigillum-otto-totp-seed-20b";
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static String alias;

    @BeforeAll
    static void registerKeycloak() {
        alias = "keycloak-oidc-" + UUID.randomUUID().toString().substring(0, 6);
        Federation.register(Federation.oidcProvider(alias, Sigillum.env("SIGILLUM_IT_IDP_ISSUER"), "sigillum",
                Sigillum.env("SIGILLUM_IT_IDP_CLIENT_SECRET"),
                Map.of("substantial", "substantial", "high", "high", "1", "substantial", "2", "high", "0", "low")));
    }

    /** A Sigillum account with a PIN and an EC key, linked to Keycloak user {@code keycloakId}. */
    private record Signer(String userId, String credentialId, OAuthApp app) {
        static Signer linkedTo(String keycloakId) {
            String user = Sigillum.createUser("kc-" + UUID.randomUUID(), null, CscClient.PIN);
            Federation.link(user, alias, keycloakId);
            Sigillum.Reply created = Sigillum.operatorPost("/api/v1/users/" + user + "/credentials",
                    "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
            assertEquals(201, created.status(), created.body());
            return new Signer(user, created.json().get("credentialID").asText(), OAuthApp.register("service credential"));
        }

        String authorizeUrl(String verifier, byte[] hash, boolean hint) {
            Map<String, String> request = new LinkedHashMap<>();
            request.put("scope", "credential");
            request.put("credentialID", credentialId);
            request.put("numSignatures", "1");
            request.put("hashAlgorithmOID", CscClient.SHA256);
            request.put("hashes", OAuthFlowIT.base64url(hash));
            if (hint) {
                request.put("idp_hint", alias);
            }
            return Sigillum.url(app.authorizeQuery(verifier, request));
        }
    }

    /** Keycloak's password form; on a re-authentication it may know the user already and ask only the password. */
    private static void keycloakPassword(BrowserSession browser, String username, String password) {
        browser.await(By.id("password"));
        if (browser.has(By.id("username")) && browser.driver().findElement(By.id("username")).isEnabled()) {
            browser.driver().findElement(By.id("username")).clear();
            browser.driver().findElement(By.id("username")).sendKeys(username);
        }
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("kc-login")).click();
    }

    /** Approves on Sigillum's consent page with the PIN and returns the code the app's redirect carries. */
    private static String approve(BrowserSession browser, OAuthApp app) {
        browser.await(By.id("pin")).sendKeys(CscClient.PIN);
        browser.driver().findElement(By.cssSelector("button[value=approve]")).click();
        browser.awaitUrl(app.redirectUri);
        Map<String, String> params = OAuthApp.params(browser.url());
        assertEquals(Sigillum.env("SIGILLUM_IT_URL"), params.get("iss"));
        return params.get("code");
    }

    /** Redeems the code, signs {@code document}'s hash and verifies the signature with the certificate's key. */
    private static void signsAndVerifies(Signer signer, String code, String verifier, byte[] document) throws Exception {
        JsonNode tokens = signer.app().tokens(code, verifier);
        ObjectNode sign = OAuthFlowIT.signRequest(signer.credentialId(), List.of(Signatures.sha256(document)),
                ECDSA_SHA256, null);
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json", sign.toString(),
                tokens.get("access_token").asText());
        assertEquals(200, signed.status(), signed.body());
        PublicKey key = OAuthFlowIT.certificateKey(tokens.get("access_token").asText(), signer.credentialId());
        assertTrue(Signatures.verify(key, ECDSA_SHA256, document, signed.json().get("signatures").get(0).asText()));
    }

    @Test
    void oidcSignInAtKeycloakThenConsentCodeTokenAndSignHashVerifiedWithJca() throws Exception {
        Signer signer = Signer.linkedTo(ANA);
        byte[] document = Signatures.randomData();
        String verifier = OAuthApp.newVerifier();
        long before = AuditLog.head();
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(signer.authorizeUrl(verifier, Signatures.sha256(document), false));
            browser.await(By.id("idp-" + alias));
            browser.screenshot("federation-sign-in-page");
            browser.driver().findElement(By.id("idp-" + alias)).click();
            browser.awaitUrl(Sigillum.env("SIGILLUM_IT_IDP_ISSUER"));
            keycloakPassword(browser, "ana", "ana-Passw0rd!");
            browser.await(By.id("pin"));
            assertTrue(browser.text().contains("Approve signing"), browser.text());
            browser.screenshot("federation-consent-after-keycloak");
            signsAndVerifies(signer, approve(browser, signer.app()), verifier, document);
        }
        List<JsonNode> logins = Federation.records(before, "FEDERATED_LOGIN_SUCCEEDED");
        assertEquals(1, logins.size());
        String detail = logins.get(0).get("detail").asText();
        assertTrue(detail.contains(ANA) && detail.contains(alias) && detail.contains("\"level\":\"substantial\""), detail);
    }

    @Test
    void c11StepUpAtKeycloakAsksForTheOtpWhenSigningNeedsHigh() throws Exception {
        Signer signer = Signer.linkedTo(OTTO);
        byte[] document = Signatures.randomData();
        String verifier = OAuthApp.newVerifier();
        JsonNode policy = Federation.policy("low", "high", "provider");
        long before = AuditLog.head();
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(signer.authorizeUrl(verifier, Signatures.sha256(document), true));
            keycloakPassword(browser, "otto", "otto-Passw0rd!");
            // Sigillum sends the browser back with acr_values=high and prompt=login: Keycloak authenticates afresh
            browser.await(By.cssSelector("#otp, #password"));
            if (browser.has(By.id("password"))) {
                keycloakPassword(browser, "otto", "otto-Passw0rd!");
            }
            browser.await(By.id("otp"));
            browser.screenshot("federation-step-up-otp");
            browser.driver().findElement(By.id("otp")).sendKeys(
                    new TotpAuthenticator(OTTO_TOTP_SEED.getBytes(StandardCharsets.UTF_8)).now());
            browser.driver().findElement(By.id("kc-login")).click();
            signsAndVerifies(signer, approve(browser, signer.app()), verifier, document);
        } finally {
            Federation.restore(policy);
        }
        assertEquals(1, Federation.records(before, "FEDERATED_STEP_UP").size());
        List<JsonNode> logins = Federation.records(before, "FEDERATED_LOGIN_SUCCEEDED");
        assertEquals(1, logins.size());
        assertTrue(logins.get(0).get("detail").asText().contains("\"level\":\"high\""), logins.get(0).toString());
        List<JsonNode> issued = Federation.records(before, "CODE_ISSUED");
        assertTrue(issued.get(0).get("detail").asText().contains("loa:high"), issued.get(0).toString());
    }

    @Test
    void linkedIdentityWhoseAccountIsDisabledIsRefused() throws Exception {
        Signer signer = Signer.linkedTo(CARL);
        try (Connection db = Database.connect();
             PreparedStatement disable = db.prepareStatement("UPDATE sig_user SET status = 'DISABLED' WHERE id = ?")) {
            disable.setString(1, signer.userId());
            assertEquals(1, disable.executeUpdate());
        }
        long before = AuditLog.head();
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(signer.authorizeUrl(OAuthApp.newVerifier(), new byte[32], true));
            keycloakPassword(browser, "carl", "carl-Passw0rd!");
            browser.awaitUrl(Sigillum.env("SIGILLUM_IT_URL"));
            browser.await(By.cssSelector("p.error"));
            assertTrue(browser.text().contains("The Sigillum account linked to this identity is not active."),
                    browser.text());
            browser.screenshot("federation-refused-disabled-account");
        }
        List<JsonNode> refused = Federation.records(before, "FEDERATED_LOGIN_REFUSED");
        assertEquals(1, refused.size());
        assertTrue(refused.get(0).get("detail").asText().contains(CARL), refused.get(0).toString());
    }

    @Test
    void unlinkedIdentityIsRefused() {
        OAuthApp app = OAuthApp.register("service");
        long before = AuditLog.head();
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(Sigillum.url(app.authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service",
                    "idp_hint", alias))));
            keycloakPassword(browser, "dora", "dora-Passw0rd!");
            browser.awaitUrl(Sigillum.env("SIGILLUM_IT_URL"));
            browser.await(By.cssSelector("p.error"));
            assertTrue(browser.text().contains("This identity is not linked to a Sigillum account."), browser.text());
            browser.screenshot("federation-refused-unlinked");
        }
        assertEquals(1, Federation.records(before, "FEDERATED_LOGIN_REFUSED").size());
        assertTrue(Federation.records(before, "USER_CREATED").isEmpty());
    }
}
