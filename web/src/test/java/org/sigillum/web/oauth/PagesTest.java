package org.sigillum.web.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.sigillum.api.federation.EnabledProvider;
import org.junit.jupiter.api.Test;
import org.sigillum.api.oauth.AuthorizationStep;

class PagesTest {

    @Test
    void markupIsEscaped() {
        assertEquals("&lt;b&gt;&amp;&quot;&#39;", Pages.escape("<b>&\"'"));
        assertEquals("", Pages.escape(null));
    }

    @Test
    void bidiControlsAreShownNotObeyed() {
        String spoofed = "invoice" + (char) 0x202E + "fdp.exe";
        assertEquals("invoice[U+202E]fdp.exe", Pages.escape(spoofed));
        for (int c = 0x202A; c <= 0x202E; c++) {
            assertFalse(Pages.escape("a" + (char) c + "b").indexOf(c) >= 0, Integer.toHexString(c));
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            assertFalse(Pages.escape("a" + (char) c + "b").indexOf(c) >= 0, Integer.toHexString(c));
        }
        assertEquals("Überweisung.pdf", Pages.escape("Überweisung.pdf"));
    }

    private static final AuthorizationStep.Form FORM =
            new AuthorizationStep.Form("t1", "cs\"rf", "<script>alert(1)</script> App");

    @Test
    void loginPageEscapesWhatItInsertsAndCarriesTheCsrfValue() {
        String html = Pages.loginPage(new AuthorizationStep.Login(FORM, "bad <b>password</b>"), List.of());
        assertTrue(html.contains("<title>Sign in · Sigillum</title>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; App asks to act for you"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"cs&quot;rf\">"), html);
        assertTrue(html.contains("<p class=\"error\" role=\"alert\">bad &lt;b&gt;password&lt;/b&gt;</p>"), html);
        assertTrue(html.contains("action=\"" + AuthorizeResource.LOGIN_PATH + "\""), html);
    }

    @Test
    void consentPageListsDocumentsWithEscapedLabelsAndPreviews() {
        String spoofed = "invoice" + (char) 0x202E + "fdp.exe";
        AuthorizationStep.Consent consent = new AuthorizationStep.Consent(FORM, "alice", "credential", "EC P-256 (c1)", 3,
                "for <Q4>", List.of(new AuthorizationStep.Document("Contract <2026>.pdf", "ZGlnZXN0", "image", null, 1234),
                new AuthorizationStep.Document(spoofed, "ZGlnZXN0Mg==", "text", "<party>Widgets</party>", 22),
                new AuthorizationStep.Document("", "ZGlnZXN0Mw==", null, null, -1)), true, true, null);
        String html = Pages.consentPage(ConsentPage.model(consent, Locale.ENGLISH));
        assertTrue(html.contains("<title>Approve signing · Sigillum</title>"), html);
        assertTrue(html.contains("<dd>EC P-256 (c1)</dd>"), html);
        assertTrue(html.contains("<dd>3</dd>"), html);
        assertTrue(html.contains("<dd>for &lt;Q4&gt;</dd>"), html);
        assertTrue(html.contains("<td>Contract &lt;2026&gt;.pdf</td><td class=\"size\">1234 bytes</td>"), html);
        assertTrue(html.contains("<td>invoice[U+202E]fdp.exe</td>"), html);
        assertTrue(html.contains("<td><code>ZGlnZXN0Mw==</code></td>"), html);
        assertTrue(html.contains("src=\"" + AuthorizeResource.PREVIEW_PATH + "/0\" alt=\"first page of Contract &lt;2026&gt;.pdf\""),
                html);
        assertFalse(html.contains(AuthorizeResource.PREVIEW_PATH + "/1"), html);
        assertTrue(html.contains("<pre class=\"preview\">&lt;party&gt;Widgets&lt;/party&gt;</pre>"), html);
        assertTrue(html.contains("name=\"pin\""), html);
        assertTrue(html.contains("name=\"otp\""), html);
        assertFalse(html.contains("role=\"alert\""), html);
    }

    @Test
    void serviceConsentAsksForNoPin() {
        AuthorizationStep.Consent consent = new AuthorizationStep.Consent(FORM, "alice", "service", null, 0, null,
                List.of(), false, false, "stale");
        String html = Pages.consentPage(ConsentPage.model(consent, Locale.ENGLISH));
        assertTrue(html.contains("<h1>Allow access</h1>"), html);
        assertTrue(html.contains("asks to see your signing credentials"), html);
        assertFalse(html.contains("name=\"pin\""), html);
        assertFalse(html.contains("<table"), html);
        assertTrue(html.contains("role=\"alert\">stale</p>"), html);
    }

    @Test
    void loginPageOffersEachEnabledProviderWithTheCsrfValue() {
        String html = Pages.loginPage(new AuthorizationStep.Login(FORM, null),
                List.of(new EnabledProvider("kc<1>", "OIDC", "Keycloak \"test\"")));
        assertTrue(html.contains("<input type=\"hidden\" name=\"provider\" value=\"kc&lt;1&gt;\">"), html);
        assertTrue(html.contains("id=\"idp-kc&lt;1&gt;\">Sign in with Keycloak &quot;test&quot;</button>"), html);
        assertTrue(html.contains("action=\"" + Pages.FEDERATION_PATH + "\""), html);
        assertTrue(html.contains("Or with a Sigillum account"), html);
    }

    @Test
    void consentPageSpeaksTheReadersLanguage() {
        AuthorizationStep.Consent consent = new AuthorizationStep.Consent(FORM, "alice", "credential", "EC P-256 (c1)", 1,
                null, List.of(), true, false, null);
        String html = Pages.consentPage(ConsentPage.model(consent, Locale.GERMAN));
        assertTrue(html.contains("<html lang=\"de\">"), html);
        assertTrue(html.contains("Angemeldet als alice."), html);
        assertTrue(html.contains("aria-current=\"page\">Deutsch</a>"), html);
    }

    @Test
    void errorPageEscapesItsMessage() {
        String html = Pages.errorPage("redirect_uri <x> is not registered");
        assertTrue(html.contains("<title>Error · Sigillum</title>"), html);
        assertTrue(html.contains("redirect_uri &lt;x&gt; is not registered"), html);
    }
}
