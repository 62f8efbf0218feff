package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * SAML sign-in at a real Keycloak (the realm's SAML client, signed messages, NameID in the username format) in a
 * real headless browser: Sigillum's signed AuthnRequest, Keycloak's password form, the signed response posted to
 * /saml/acs, Sigillum's consent page, the code, the token, and a signHash verified here with JCA.
 */
class KeycloakSamlSignInIT {

    private static final String SP_ENTITY_ID = "urn:sigillum:saml-sp";
    private static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String alias;

    @BeforeAll
    static void registerKeycloak() throws Exception {
        alias = "keycloak-saml-" + UUID.randomUUID().toString().substring(0, 6);
        String issuer = Sigillum.env("SIGILLUM_IT_IDP_ISSUER");
        ObjectNode provider = Sigillum.object().put("alias", alias).put("kind", "SAML").put("displayName", "Keycloak (SAML)");
        provider.putObject("settings").put("metadataUrl", issuer + "/protocol/saml/descriptor").put("spEntityId", SP_ENTITY_ID)
                .put("nameIdFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        provider.putObject("levelMapping").put(UNSPECIFIED, "substantial");
        Federation.register(provider);
        trustSigillumAtKeycloak(issuer);
    }

    /** Keycloak's SAML client requires signed requests: it is given the certificate of Sigillum's SP metadata. */
    private static void trustSigillumAtKeycloak(String issuer) throws Exception {
        Sigillum.Reply metadata = new Browser().open("/saml/metadata?alias=" + alias);
        assertEquals(200, metadata.status(), metadata.body());
        Matcher certificate = Pattern.compile("X509Certificate>([^<]+)<").matcher(metadata.body());
        assertTrue(certificate.find(), metadata.body());
        String base = issuer.substring(0, issuer.indexOf("/realms/"));
        String admin = Sigillum.JSON.readTree(send(HttpRequest.newBuilder(URI.create(base
                + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + Sigillum.urlEncode(Sigillum.env("SIGILLUM_IT_IDP_ADMIN_PASSWORD")))))).get("access_token").asText();
        String clients = base + "/admin/realms/sigillum/clients";
        JsonNode found = Sigillum.JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                + Sigillum.urlEncode(SP_ENTITY_ID))).header("Authorization", "Bearer " + admin).GET()));
        ObjectNode client = (ObjectNode) found.get(0);
        ((ObjectNode) client.get("attributes")).put("saml.signing.certificate", certificate.group(1).replaceAll("\\s", ""));
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())));
    }

    private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
        return response.body();
    }

    @Test
    void samlSignInAtKeycloakThenConsentCodeTokenAndSignHashVerifiedWithJca() throws Exception {
        String user = Sigillum.createUser("kc-saml-" + UUID.randomUUID(), null, CscClient.PIN);
        Federation.link(user, alias, "ana");
        Sigillum.Reply created = Sigillum.operatorPost("/api/v1/users/" + user + "/credentials",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        assertEquals(201, created.status(), created.body());
        String credentialId = created.json().get("credentialID").asText();
        OAuthApp app = OAuthApp.register("service credential");
        byte[] document = Signatures.randomData();
        String verifier = OAuthApp.newVerifier();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("scope", "credential");
        request.put("credentialID", credentialId);
        request.put("numSignatures", "1");
        request.put("hashAlgorithmOID", CscClient.SHA256);
        request.put("hashes", OAuthFlowIT.base64url(Signatures.sha256(document)));
        long before = AuditLog.head();
        String code;
        try (BrowserSession browser = new BrowserSession()) {
            browser.open(Sigillum.url(app.authorizeQuery(verifier, request)));
            browser.await(By.id("idp-" + alias));
            browser.driver().findElement(By.id("idp-" + alias)).click();
            browser.awaitUrl(Sigillum.env("SIGILLUM_IT_IDP_ISSUER"));
            browser.await(By.id("password"));
            browser.screenshot("federation-saml-keycloak-login");
            browser.driver().findElement(By.id("username")).sendKeys("ana");
            browser.driver().findElement(By.id("password")).sendKeys("ana-Passw0rd!");
            browser.driver().findElement(By.id("kc-login")).click();
            browser.await(By.id("pin"));
            assertTrue(browser.text().contains("Approve signing"), browser.text());
            browser.screenshot("federation-saml-consent");
            browser.driver().findElement(By.id("pin")).sendKeys(CscClient.PIN);
            browser.driver().findElement(By.cssSelector("button[value=approve]")).click();
            browser.awaitUrl(app.redirectUri);
            code = OAuthApp.params(browser.url()).get("code");
        }
        JsonNode tokens = app.tokens(code, verifier);
        ObjectNode sign = OAuthFlowIT.signRequest(credentialId, List.of(Signatures.sha256(document)), ECDSA_SHA256, null);
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json", sign.toString(),
                tokens.get("access_token").asText());
        assertEquals(200, signed.status(), signed.body());
        PublicKey key = OAuthFlowIT.certificateKey(tokens.get("access_token").asText(), credentialId);
        assertTrue(Signatures.verify(key, ECDSA_SHA256, document, signed.json().get("signatures").get(0).asText()));

        List<JsonNode> logins = Federation.records(before, "FEDERATED_LOGIN_SUCCEEDED");
        assertEquals(1, logins.size(), AuditLog.recordsAfter(before).toString());
        String detail = logins.get(0).get("detail").asText();
        assertTrue(detail.contains("\"subject\":\"ana\"") && detail.contains(alias)
                && detail.contains("\"level\":\"substantial\""), detail);
    }
}
