package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The login and consent pages answer a refusal with the status its error code has in the JSON APIs (issue 17:
 * each error code has one status everywhere), and say why.
 */
class PageErrorsIT {

    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    @Test
    void aForgedCsrfValueIsRefusedAsAccessDenied() {
        OAuthApp app = OAuthApp.register("service credential");
        Browser browser = new Browser();
        Sigillum.Reply login = browser.open(app.authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service")));
        assertEquals(200, login.status(), login.body());
        Sigillum.Reply forged = browser.post(OAuthApp.AUTHORIZE + "/login",
                Map.of("csrf", "forged", "username", "nobody", "password", "wrong"));
        assertEquals(403, forged.status(), forged.body());
        assertTrue(forged.body().contains("the form is stale or forged; start again from the application"), forged.body());
    }

    @Test
    void consentBeforeLoginIsRefusedAsAccessDenied() {
        SigningUser user = SigningUser.create("pages", EC);
        OAuthApp app = OAuthApp.register("service credential");
        Browser browser = new Browser();
        browser.open(app.authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service")));
        Sigillum.Reply refused = browser.submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve"));
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("log in first"), refused.body());
        Sigillum.Reply consent = browser.open(app.authorizeQuery(OAuthApp.newVerifier(), Map.of("scope", "service")));
        assertEquals(200, consent.status(), consent.body());
        Sigillum.Reply signedIn = browser.submit(OAuthApp.AUTHORIZE + "/login",
                Map.of("username", user.username(), "password", CscClient.PASSWORD));
        assertEquals(200, signedIn.status(), signedIn.body());
        assertTrue(signedIn.body().contains("Allow access"), signedIn.body());
    }

    @Test
    void anExpiredSignInIsAnInvalidRequest() {
        Browser browser = new Browser();
        Sigillum.Reply expired = browser.post(OAuthApp.AUTHORIZE + "/login",
                Map.of("csrf", "x", "username", "nobody", "password", "wrong"));
        assertEquals(400, expired.status(), expired.body());
        assertTrue(expired.body().contains("this sign-in has expired; start again from the application"), expired.body());
    }
}
