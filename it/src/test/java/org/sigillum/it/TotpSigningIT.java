package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The full CSC flow with a second factor: auth/login with HTTP Basic, service token, list, info, authorize with
 * PIN AND OTP, signHash of three hashes; and how wrong, missing and replayed one-time codes are refused (C8).
 */
class TotpSigningIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String WRONG = "the authentication data is wrong, or signing is locked";

    private static TotpAuthenticator enroll(String userId) {
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users/" + userId + "/authenticators/totp", "{}");
        assertEquals(201, reply.status(), reply.body());
        String secret = reply.json().get("secret").asText();
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        String uri = reply.json().get("uri").asText();
        assertTrue(uri.startsWith("otpauth://totp/") && uri.contains("secret=" + secret) && uri.contains("digits=6")
                && uri.contains("period=30") && uri.contains("algorithm=SHA1"), uri);
        return new TotpAuthenticator(secret);
    }

    @Test
    void loginListInfoAuthorizeWithPinAndOtpThenSignThreeHashes() throws Exception {
        CscClient signer = CscClient.newSigner();
        JsonNode credential = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        String credentialId = credential.get("credentialID").asText();
        TotpAuthenticator app = enroll(signer.userId);

        Sigillum.Reply list = signer.call("credentials/list", Sigillum.object());
        assertEquals(List.of(credentialId), OAuthFlowIT.ids(list.json().get("credentialIDs")));
        Sigillum.Reply info = signer.call("credentials/info", Sigillum.object().put("credentialID", credentialId)
                .put("authInfo", true).put("certificates", "single"));
        assertEquals(200, info.status(), info.body());
        assertEquals("PIN AND OTP", info.json().get("auth").get("expression").asText());
        assertEquals(2, info.json().get("auth").get("objects").size());

        List<byte[]> documents = List.of(Signatures.randomData(), Signatures.randomData(), Signatures.randomData());
        List<byte[]> hashes = documents.stream().map(TotpSigningIT::sha256).toList();
        Sigillum.Reply authorized = signer.call("credentials/authorize", authorize(credentialId, hashes, CscClient.PIN,
                app.now()));
        assertEquals(200, authorized.status(), authorized.body());
        Sigillum.Reply signed = signer.signHash(credentialId, authorized.json().get("SAD").asText(), hashes,
                CscClient.SHA256, ECDSA_SHA256);
        assertEquals(200, signed.status(), signed.body());
        PublicKey key = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(Base64.getDecoder().decode(
                        info.json().get("cert").get("certificates").get(0).asText()))).getPublicKey();
        for (int i = 0; i < 3; i++) {
            assertTrue(Signatures.verify(key, ECDSA_SHA256, documents.get(i), signed.json().get("signatures").get(i).asText()));
        }
    }

    @Test
    void c8g5WrongStaleAndReplayedCodesGetTheSameAnswerAndAMissingOneIsMalformed() {
        CscClient signer = CscClient.newSigner();
        String credentialId = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        TotpAuthenticator app = enroll(signer.userId);
        List<byte[]> hashes = List.of(sha256(Signatures.randomData()));
        String code = app.now();
        String wrongCode = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        String stale = app.code(Instant.now().minusSeconds(300));

        // no code at all is a malformed request (G5): it says nothing about the PIN and costs no attempt
        ApiErrors.assertError(signer.call("credentials/authorize", authorize(credentialId, hashes, CscClient.PIN, null)),
                400, "invalid_request");
        assertRefused(signer.call("credentials/authorize", authorize(credentialId, hashes, CscClient.PIN, wrongCode)));
        assertRefused(signer.call("credentials/authorize", authorize(credentialId, hashes, CscClient.PIN, stale)));
        assertRefused(signer.call("credentials/authorize", authorize(credentialId, hashes, "000000", code)));
        assertEquals(200, signer.call("credentials/authorize", authorize(credentialId, hashes, CscClient.PIN, code)).status());
        assertRefused(signer.call("credentials/authorize", authorize(credentialId, hashes, CscClient.PIN, code)));
    }

    @Test
    void consentPageAsksForTheOneTimeCode() {
        String name = "totp-" + UUID.randomUUID();
        String userId = Sigillum.createUser(name, CscClient.PASSWORD, CscClient.PIN);
        OAuthApp client = OAuthApp.register("credential");
        Sigillum.Reply created = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        String credentialId = created.json().get("credentialID").asText();
        TotpAuthenticator app = enroll(userId);
        byte[] hash = sha256(Signatures.randomData());
        String verifier = OAuthApp.newVerifier();
        Browser browser = new Browser();
        browser.open(client.authorizeQuery(verifier, Map.of("scope", "credential", "credentialID", credentialId,
                "numSignatures", "1", "hashAlgorithmOID", CscClient.SHA256, "hashes", OAuthFlowIT.base64url(hash))));
        Sigillum.Reply consent = browser.submit(OAuthApp.AUTHORIZE + "/login", Map.of("username", name,
                "password", CscClient.PASSWORD));
        assertTrue(consent.body().contains("name=\"otp\""), consent.body());
        Sigillum.Reply pinOnly = browser.submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve",
                "pin", CscClient.PIN));
        assertEquals(200, pinOnly.status());
        String code = client.code(browser.submit(OAuthApp.AUTHORIZE + "/consent", Map.of("decision", "approve",
                "pin", CscClient.PIN, "otp", app.now())));
        String token = client.tokens(code, verifier).get("access_token").asText();
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                OAuthFlowIT.signRequest(credentialId, List.of(hash), ECDSA_SHA256, null).toString(), token);
        assertEquals(200, signed.status(), signed.body());
    }

    private static void assertRefused(Sigillum.Reply reply) {
        ApiErrors.assertError(reply, 400, "invalid_authentication_data");
        assertEquals(WRONG, reply.json().get("error_description").asText());
    }

    private static ObjectNode authorize(String credentialId, List<byte[]> hashes, String pin, String otp) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("numSignatures", hashes.size())
                .put("hashAlgorithmOID", CscClient.SHA256);
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        body.withArray("authData").addObject().put("id", "PIN").put("value", pin);
        if (otp != null) {
            body.withArray("authData").addObject().put("id", "OTP").put("value", otp);
        }
        return body;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return Signatures.sha256(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
