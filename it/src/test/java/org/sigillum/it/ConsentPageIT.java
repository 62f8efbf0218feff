package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The consent page (the Signer's Interaction Component) in a real browser, headless Chromium: what it shows (the
 * application's registered name, the key, the number of signatures, each document's label and size), in English and
 * German (Accept-Language, and the switcher), usable at 390 pixels, in a sensible keyboard order, with no serious
 * axe-core violation; and cancel, which ends the transaction and tells the application access_denied. Screenshots go
 * to docs/screenshots/.
 */
class ConsentPageIT {

    private static HttpServer application;
    private static final List<String> callbacks = new CopyOnWriteArrayList<>();

    /** The client application's redirect URI: a server that records what the browser brings back. */
    @BeforeAll
    static void startApplication() throws Exception {
        application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        application.createContext("/callback", exchange -> {
            try (exchange) {
                callbacks.add(exchange.getRequestURI().getRawQuery());
                byte[] page = "<!DOCTYPE html><html lang=\"en\"><title>App</title><p>back at the application</p>".getBytes();
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
        });
        application.start();
    }

    @AfterAll
    static void stopApplication() {
        application.stop(0);
    }

    private record Flow(String username, String credentialId, String authorizeUrl, String redirectUri) {
    }

    /** A signer, a credential, an application named "Lease Portal" and its request to sign two labelled documents. */
    private static Flow flow() {
        String username = "consent-" + UUID.randomUUID();
        String userId = Sigillum.createUser(username, CscClient.PASSWORD, CscClient.PIN);
        String credentialId = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").json().get("credentialID").asText();
        String redirect = "http://127.0.0.1:" + application.getAddress().getPort() + "/callback/" + UUID.randomUUID();
        ObjectNode registration = Sigillum.object().put("client_name", "Lease Portal").put("scope", "credential");
        registration.putArray("redirect_uris").add(redirect);
        Sigillum.Reply registered = Sigillum.operatorPost("/api/v1/clients", registration);
        assertEquals(201, registered.status(), registered.body());
        String clientId = registered.json().get("client_id").asText();
        String secret = registered.json().get("client_secret").asText();

        byte[] lease = TestDocuments.pdf("Lease agreement");
        byte[] annex = "Annex: house rules".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ArrayNode details = Sigillum.JSON.createArrayNode();
        ObjectNode detail = details.addObject().put("type", "credential").put("credentialID", credentialId)
                .put("hashAlgorithmOID", CscClient.SHA256);
        detail.putArray("documentDigests")
                .add(Sigillum.object().put("hash", b64(lease)).put("label", "lease-2027.pdf")
                        .put("content", Base64.getEncoder().encodeToString(lease)))
                .add(Sigillum.object().put("hash", b64(annex)).put("label", "annex.txt"));
        String verifier = OAuthApp.newVerifier();
        String query = OAuthApp.query(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirect,
                "code_challenge", OAuthApp.challenge(verifier), "code_challenge_method", "S256", "state", "st-1",
                "authorization_details", details.toString()));
        Sigillum.Reply pushed = Sigillum.form("/csc/v2/oauth2/pushed_authorize", Sigillum.basic(clientId, secret), query);
        assertEquals(201, pushed.status(), pushed.body());
        return new Flow(username, credentialId, OAuthApp.AUTHORIZE + "?client_id=" + clientId + "&request_uri="
                + Sigillum.urlEncode(pushed.json().get("request_uri").asText()), redirect);
    }

    private static String b64(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(Signatures.sha256(data));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signIn(BrowserSession browser, Flow flow) {
        browser.open(flow.authorizeUrl());
        browser.find("#username").sendKeys(flow.username());
        browser.find("#password").sendKeys(CscClient.PASSWORD);
        // the local account's own button: providers registered by other tests have sign-in buttons above it
        browser.find("form[action$='/login'] button[type=submit]").click();
        // the click returns before the next page is there
        browser.await(By.cssSelector("button[value=approve]"));
    }

    private static Map<String, String> summary(BrowserSession browser) {
        List<WebElement> terms = browser.driver().findElements(By.cssSelector("dl.summary dt"));
        List<WebElement> values = browser.driver().findElements(By.cssSelector("dl.summary dd"));
        Map<String, String> summary = new java.util.LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            summary.put(terms.get(i).getText(), values.get(i).getText());
        }
        return summary;
    }

    private static String text(BrowserSession browser) {
        return browser.find("main").getText();
    }

    @Test
    void showsWhatIsSignedInEnglishAtDesktopAndPhoneWidthWithoutSeriousAccessibilityViolations() {
        Flow flow = flow();
        try (BrowserSession browser = new BrowserSession("en-GB,en;q=0.9", 1280, 900)) {
            signIn(browser, flow);
            assertEquals("en", browser.find("html").getAttribute("lang"));
            assertEquals("Approve signing", browser.find("h1").getText());
            Map<String, String> summary = summary(browser);
            assertEquals("Lease Portal", summary.get("Application"), summary.toString());
            assertTrue(summary.get("Key").contains("EC P-256") && summary.get("Key").contains(flow.credentialId()),
                    summary.toString());
            assertEquals("2", summary.get("Number of signatures"));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("table tbody tr"));
            assertEquals(2, rows.size());
            assertTrue(rows.get(0).getText().startsWith("lease-2027.pdf") && rows.get(0).getText().contains(" bytes"),
                    rows.get(0).getText());
            assertTrue(rows.get(1).getText().startsWith("annex.txt") && rows.get(1).getText().contains("not sent"),
                    rows.get(1).getText());
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
            browser.screenshot("consent-en-desktop");

            browser.viewport(390, 844);
            browser.open(AuthorizeLanguage.EN);
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
            Object overflow = browser.driver().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "nothing is wider than 390 px");
            browser.screenshot("consent-en-390");

            // keyboard order from the top of a freshly loaded page: language switcher, PIN, approve, decline
            browser.open(AuthorizeLanguage.EN);
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                WebElement focused = browser.driver().switchTo().activeElement();
                order.add(focused.getAttribute("id") != null && !focused.getAttribute("id").isEmpty()
                        ? "#" + focused.getAttribute("id") : focused.getText());
            }
            assertEquals(List.of("English", "Deutsch", "#pin", "Approve", "Decline"), order);
        }
    }

    @Test
    void germanByAcceptLanguageAndBackToEnglishByTheSwitcher() {
        Flow flow = flow();
        try (BrowserSession browser = new BrowserSession("de-DE,de;q=0.9,en;q=0.5", 390, 844)) {
            signIn(browser, flow);
            assertEquals("de", browser.find("html").getAttribute("lang"));
            assertEquals("Signatur freigeben", browser.find("h1").getText());
            Map<String, String> summary = summary(browser);
            assertEquals("Lease Portal", summary.get("Anwendung"), summary.toString());
            assertEquals("2", summary.get("Anzahl der Signaturen"), summary.toString());
            assertTrue(text(browser).contains("nicht übermittelt"), text(browser));
            assertEquals("Freigeben", browser.find("button[value=approve]").getText());
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
            browser.screenshot("consent-de-390");

            browser.driver().findElement(By.linkText("English")).click();
            browser.await(By.cssSelector("html[lang=en]"));
            assertEquals("Approve signing", browser.find("h1").getText());
            // the choice holds for the next page: a wrong PIN answers in English
            browser.find("#pin").sendKeys("000000");
            browser.find("button[value=approve]").click();
            browser.await(By.cssSelector("p.error"));
            assertTrue(text(browser).contains("The PIN or one-time code is wrong, or signing is locked."), text(browser));
            browser.driver().findElement(By.linkText("Deutsch")).click();
            browser.await(By.cssSelector("html[lang=de]"));
            browser.find("#pin").sendKeys("000000");
            browser.find("button[value=approve]").click();
            browser.await(By.xpath("//p[contains(., 'PIN oder Einmalcode ist falsch')]"));
        }
    }

    @Test
    void cancelEndsTheTransactionAndTellsTheApplicationAccessDenied() {
        Flow flow = flow();
        try (BrowserSession browser = new BrowserSession("en", 390, 844)) {
            signIn(browser, flow);
            browser.find("button[value=deny]").click();
            browser.awaitUrl(flow.redirectUri() + "?");
            assertTrue(browser.driver().getCurrentUrl().startsWith(flow.redirectUri() + "?"), browser.driver().getCurrentUrl());
            String query = callbacks.stream().filter(q -> q.contains("st-1")).reduce((a, b) -> b).orElseThrow();
            assertTrue(query.contains("error=access_denied") && query.contains("state=st-1"), query);
            // the transaction is over: the consent page cannot be brought back
            browser.open(AuthorizeLanguage.EN);
            assertEquals("This request cannot go on", browser.find("h1").getText());
        }
    }

    /** The consent page again, in a language, through the switcher's address. */
    private static final class AuthorizeLanguage {
        static final String EN = OAuthApp.AUTHORIZE + "/consent?lang=en";
    }
}
