package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the user and the caches on the way see: responses that carry a SAD are never stored, and a document label
 * on the consent page cannot reorder itself with bidi controls to pass for another file.
 */
class SadResponsesIT {

    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    @Test
    void responsesCarryingASadAreNotStored() throws Exception {
        CscClient signer = CscClient.newSigner();
        String credentialId = signer.newCredential(EC).get("credentialID").asText();
        byte[] hash = Signatures.sha256(Signatures.randomData());
        Sigillum.Reply authorized = signer.authorize(credentialId, List.of(hash), CscClient.SHA256, CscClient.PIN);
        assertEquals(200, authorized.status(), authorized.body());
        assertEquals("no-store", authorized.header("Cache-Control"), "credentials/authorize");
        Sigillum.Reply extended = signer.call("credentials/extendTransaction", Sigillum.object()
                .put("credentialID", credentialId).put("SAD", authorized.json().get("SAD").asText()));
        assertEquals(200, extended.status(), extended.body());
        assertEquals("no-store", extended.header("Cache-Control"), "credentials/extendTransaction");
        Sigillum.Reply refused = signer.authorize(credentialId, List.of(hash), CscClient.SHA256, "000000");
        assertEquals("no-store", refused.header("Cache-Control"), "a refusal too");
    }

    @Test
    void consentPageShowsBidiControlsInsteadOfObeyingThem() throws Exception {
        SigningUser user = SigningUser.create("bidi", EC);
        String username = user.username();
        String credentialId = user.credentialId();
        OAuthApp app = OAuthApp.register("service credential");
        byte[] hash = Signatures.sha256(Signatures.randomData());
        String override = "invoice" + (char) 0x202E + "fdp.exe";
        String isolate = "report" + (char) 0x2067 + "x" + (char) 0x2069 + ".pdf";
        ArrayNode details = Sigillum.JSON.createArrayNode();
        ObjectNode detail = details.addObject().put("type", "credential").put("credentialID", credentialId)
                .put("hashAlgorithmOID", CscClient.SHA256);
        detail.putArray("documentDigests")
                .add(Sigillum.object().put("hash", Base64.getEncoder().encodeToString(hash)).put("label", override))
                .add(Sigillum.object().put("hash", Base64.getEncoder().encodeToString(
                        Signatures.sha256(Signatures.randomData()))).put("label", isolate));
        Browser browser = new Browser();
        browser.open(app.authorizeQuery(OAuthApp.newVerifier(), Map.of("authorization_details", details.toString())));
        Sigillum.Reply consent = browser.submit(OAuthApp.AUTHORIZE + "/login",
                Map.of("username", username, "password", CscClient.PASSWORD));
        assertEquals(200, consent.status(), consent.body());
        assertTrue(consent.body().contains("invoice[U+202E]fdp.exe"), consent.body());
        assertTrue(consent.body().contains("report[U+2067]x[U+2069].pdf"), consent.body());
        for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
            assertFalse(consent.body().indexOf(c) >= 0, "bidi control U+" + Integer.toHexString(c) + " on the page");
        }
    }
}
