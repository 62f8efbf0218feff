package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * One-time signing codes sent by e-mail (through WildFly's mail session to a real SMTP server, python3-aiosmtpd) and
 * by SMS (through the HTTP gateway SPI to a gateway this test runs): sent on CSC v2 credentials/getChallenge and v1
 * credentials/sendOTP, read where they arrived, and used once for the one transaction they were sent for. Wrong
 * codes lock like a wrong PIN and every refusal gets the one answer (C8); sends to one recipient are rate-limited
 * whoever asks (G4).
 */
class OutOfBandCodesIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String WRONG = "the authentication data is wrong, or signing is locked";
    /** sigillum.otp.max-per-recipient's default, per 15 minutes */
    private static final int MAX_PER_RECIPIENT = 5;
    /** sigillum.pin.max-failures's default: the codes share the PIN's attempts */
    private static final int MAX_FAILURES = 5;

    private static String newAddress() {
        return "signer-" + UUID.randomUUID() + "@example.org";
    }

    private static String newNumber() {
        return "+49151" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    private static void receivesByEmail(String userId, String address) {
        Sigillum.Reply reply = Sigillum.operatorPut("/api/v1/users/" + userId + "/authenticators/email",
                Sigillum.object().put("address", address));
        assertEquals(204, reply.status(), reply.body());
    }

    private static void receivesBySms(String userId, String number) {
        Sigillum.Reply reply = Sigillum.operatorPut("/api/v1/users/" + userId + "/authenticators/sms",
                Sigillum.object().put("number", number));
        assertEquals(204, reply.status(), reply.body());
    }

    private static String ecCredential(CscClient signer) {
        return signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
    }

    @Test
    void emailCodeReadFromTheSmtpServerAuthorizesAndSigns() throws Exception {
        CscClient signer = CscClient.newSigner();
        String credentialId = ecCredential(signer);
        String address = newAddress();
        receivesByEmail(signer.userId, address);

        JsonNode info = signer.call("credentials/info", Sigillum.object().put("credentialID", credentialId)
                .put("authInfo", true).put("certificates", "single")).json();
        assertEquals("PIN AND EMAIL_OTP", info.get("auth").get("expression").asText(), info.toString());
        JsonNode object = info.get("auth").get("objects").get(1);
        assertEquals("EMAIL_OTP", object.get("id").asText());
        assertEquals("PasswordOOB", object.get("type").asText());

        byte[] document = Signatures.randomData();
        List<byte[]> hashes = List.of(Signatures.sha256(document));
        long head = AuditLog.head();
        Sigillum.Reply sent = signer.call("credentials/getChallenge", challenge(credentialId, "EMAIL_OTP", hashes));
        assertEquals(204, sent.status(), sent.body());
        String code = MailCodes.code(address, 1);
        assertEquals(6, code.length());

        Sigillum.Reply authorized = signer.authorizeWith(credentialId, hashes, CscClient.PIN, "EMAIL_OTP", code);
        assertEquals(200, authorized.status(), authorized.body());
        Sigillum.Reply signed = signer.signHash(credentialId, authorized.json().get("SAD").asText(), hashes,
                CscClient.SHA256, ECDSA_SHA256);
        assertEquals(200, signed.status(), signed.body());
        PublicKey key = CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(
                Base64.getDecoder().decode(info.get("cert").get("certificates").get(0).asText()))).getPublicKey();
        assertTrue(Signatures.verify(key, ECDSA_SHA256, document, signed.json().get("signatures").get(0).asText()));

        List<JsonNode> records = AuditLog.recordsAfter(head);
        assertTrue(records.stream().anyMatch(r -> "OTP_SENT".equals(r.path("event").asText())
                && credentialId.equals(r.path("credentialId").asText()) && r.path("detail").asText().contains("EMAIL_OTP")),
                records.toString());
        assertTrue(records.stream().anyMatch(r -> "AUTHORIZED".equals(r.path("event").asText())
                && r.path("detail").asText().contains("EMAIL_OTP")), "the SAD's evidence names the factor: " + records);
        assertFalse(records.toString().contains(code), "the code is in no audit record");
        assertFalse(records.toString().contains(address), "nor is the address");
        assertFalse(Files.readString(Path.of(Sigillum.env("SIGILLUM_IT_SERVER_LOG"))).contains("code is " + code),
                "nor the server log");
    }

    @Test
    void smsCodeReadFromTheGatewayAuthorizesOnCscV1() throws Exception {
        SmsGateway gateway = SmsGateway.start();
        CscClient signer = CscClient.newSigner();
        String credentialId = ecCredential(signer);
        String number = newNumber();
        receivesBySms(signer.userId, number);

        JsonNode info = v1(signer, "credentials/info", Sigillum.object().put("credentialID", credentialId)
                .put("authInfo", true)).json();
        assertEquals("online", info.get("OTP").get("type").asText(), info.toString());
        assertEquals("SMS_OTP", info.get("OTP").get("ID").asText());

        Sigillum.Reply sent = v1(signer, "credentials/sendOTP", Sigillum.object().put("credentialID", credentialId));
        assertEquals(204, sent.status(), sent.body());
        String code = gateway.code(number, 1);

        byte[] document = Signatures.randomData();
        String hash = Base64.getEncoder().encodeToString(Signatures.sha256(document));
        Sigillum.Reply authorized = v1(signer, "credentials/authorize", v1Authorize(credentialId, hash, code));
        assertEquals(200, authorized.status(), authorized.body());
        Sigillum.Reply signed = v1(signer, "signatures/signHash", Sigillum.object().put("credentialID", credentialId)
                .put("SAD", authorized.json().get("SAD").asText()).put("hashAlgo", CscClient.SHA256)
                .put("signAlgo", ECDSA_SHA256).set("hash", Sigillum.JSON.createArrayNode().add(hash)));
        assertEquals(200, signed.status(), signed.body());
        // single use: the same code again is refused with the one answer
        assertRefused(v1(signer, "credentials/authorize", v1Authorize(credentialId, hash, code)));
    }

    @Test
    void c8WrongCodesLockLikeThePinAndTheRightOneThenGetsTheSameAnswer() {
        CscClient signer = CscClient.newSigner();
        String credentialId = ecCredential(signer);
        String address = newAddress();
        receivesByEmail(signer.userId, address);
        List<byte[]> hashes = List.of(sha256(Signatures.randomData()));
        assertEquals(204, signer.call("credentials/getChallenge", challenge(credentialId, null, hashes)).status());
        String code = MailCodes.code(address, 1);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        // no code at all is malformed (G5) and costs no attempt
        ApiErrors.assertError(signer.authorize(credentialId, hashes, CscClient.SHA256, CscClient.PIN), 400,
                "invalid_request");
        long head = AuditLog.head();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertRefused(signer.authorizeWith(credentialId, hashes, CscClient.PIN, "EMAIL_OTP", wrong));
        }
        // locked now: the right PIN with the right code gets exactly the answer a wrong code got, and spends nothing
        assertRefused(signer.authorizeWith(credentialId, hashes, CscClient.PIN, "EMAIL_OTP", code));
        assertRefused(signer.authorizeWith(credentialId, hashes, "000000", "EMAIL_OTP", code));
        long refusals = AuditLog.recordsAfter(head).stream().filter(r -> "AUTHORIZATION_REFUSED".equals(
                r.path("event").asText()) && credentialId.equals(r.path("credentialId").asText())).count();
        assertEquals(MAX_FAILURES + 2, refusals, "every refusal is audited");
    }

    @Test
    void c8CodeForOneTransactionCannotAuthorizeAnother() {
        CscClient signer = CscClient.newSigner();
        String credentialId = ecCredential(signer);
        String other = ecCredential(signer);
        String address = newAddress();
        receivesByEmail(signer.userId, address);
        List<byte[]> approved = List.of(sha256(Signatures.randomData()));
        List<byte[]> different = List.of(sha256(Signatures.randomData()));
        assertEquals(204, signer.call("credentials/getChallenge", challenge(credentialId, "EMAIL_OTP", approved)).status());
        String code = MailCodes.code(address, 1);

        assertRefused(signer.authorizeWith(credentialId, different, CscClient.PIN, "EMAIL_OTP", code));
        assertRefused(signer.authorizeWith(other, approved, CscClient.PIN, "EMAIL_OTP", code));
        Sigillum.Reply authorized = signer.authorizeWith(credentialId, approved, CscClient.PIN, "EMAIL_OTP", code);
        assertEquals(200, authorized.status(), authorized.body());
        assertRefused(signer.authorizeWith(credentialId, approved, CscClient.PIN, "EMAIL_OTP", code));

        // a new code voids the one sent before it for the same transaction
        assertEquals(204, signer.call("credentials/getChallenge", challenge(credentialId, "EMAIL_OTP", approved)).status());
        String first = MailCodes.code(address, 2);
        assertEquals(204, signer.call("credentials/getChallenge", challenge(credentialId, "EMAIL_OTP", approved)).status());
        String second2 = MailCodes.code(address, 3);
        if (!first.equals(second2)) {
            assertRefused(signer.authorizeWith(credentialId, approved, CscClient.PIN, "EMAIL_OTP", first));
        }
        assertEquals(200, signer.authorizeWith(credentialId, approved, CscClient.PIN, "EMAIL_OTP", second2).status());
    }

    @Test
    void g4CodesToOneRecipientAreRateLimitedWhoeverAsks() {
        SmsGateway gateway = SmsGateway.start();
        String number = newNumber();
        CscClient first = CscClient.newSigner();
        String firstCredential = ecCredential(first);
        receivesBySms(first.userId, number);
        CscClient second = CscClient.newSigner();
        String secondCredential = ecCredential(second);
        receivesBySms(second.userId, number);

        long head = AuditLog.head();
        for (int i = 0; i < MAX_PER_RECIPIENT; i++) {
            CscClient who = i % 2 == 0 ? first : second;
            String credential = who == first ? firstCredential : secondCredential;
            Sigillum.Reply sent = who.call("credentials/getChallenge", challenge(credential, "SMS_OTP", null));
            assertEquals(204, sent.status(), sent.body());
        }
        gateway.code(number, MAX_PER_RECIPIENT);
        ApiErrors.assertError(first.call("credentials/getChallenge", challenge(firstCredential, "SMS_OTP", null)), 429,
                "too_many_requests");
        ApiErrors.assertError(v1(second, "credentials/sendOTP", Sigillum.object().put("credentialID", secondCredential)),
                429, "too_many_requests");
        assertEquals(MAX_PER_RECIPIENT, gateway.to(number).size(), "nothing more reached the phone");
        assertEquals(2, AuditLog.recordsAfter(head).stream()
                .filter(r -> "OTP_SEND_REFUSED".equals(r.path("event").asText())).filter(r -> List.of(first.userId,
                        second.userId).contains(r.path("userId").asText())).count(), "both refusals are audited");
    }

    @Test
    void g4OneCallerIsLimitedWhicheverRecipientsItAsksFor() {
        int maxPerCaller = Integer.parseInt(Sigillum.env("SIGILLUM_IT_OTP_MAX_PER_CLIENT"));
        CscClient signer = CscClient.newSigner();
        String credentialId = ecCredential(signer);
        List<String> addresses = new java.util.ArrayList<>();
        for (int i = 0; i < maxPerCaller; i++) {
            // a fresh recipient each time: the per-recipient limit is never what stops this caller
            String address = newAddress();
            addresses.add(address);
            receivesByEmail(signer.userId, address);
            Sigillum.Reply sent = signer.call("credentials/getChallenge", challenge(credentialId, "EMAIL_OTP", null));
            assertEquals(204, sent.status(), sent.body());
        }
        String last = newAddress();
        receivesByEmail(signer.userId, last);
        ApiErrors.assertError(signer.call("credentials/getChallenge", challenge(credentialId, "EMAIL_OTP", null)), 429,
                "too_many_requests");
        MailCodes.code(addresses.get(maxPerCaller - 1), 1);
        assertEquals(0, MailCodes.messagesTo(last).size(), "the refused code was not sent");
    }

    @Test
    void consentPageSendsAnEmailCodeForItsOwnTransaction() throws Exception {
        String name = "consent-" + UUID.randomUUID();
        String userId = Sigillum.createUser(name, CscClient.PASSWORD, CscClient.PIN);
        String address = newAddress();
        receivesByEmail(userId, address);
        String credentialId = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").json().get("credentialID").asText();
        OAuthApp client = OAuthApp.register("credential");
        byte[] hash = sha256(Signatures.randomData());
        String verifier = OAuthApp.newVerifier();
        Browser browser = new Browser();
        browser.open(client.authorizeQuery(verifier, java.util.Map.of("scope", "credential", "credentialID", credentialId,
                "numSignatures", "1", "hashAlgorithmOID", CscClient.SHA256, "hashes", OAuthFlowIT.base64url(hash))));
        Sigillum.Reply consent = browser.submit(OAuthApp.AUTHORIZE + "/login", java.util.Map.of("username", name,
                "password", CscClient.PASSWORD));
        assertTrue(consent.body().contains("value=\"send-code\"") && consent.body().contains("name=\"otp\""),
                consent.body());
        Sigillum.Reply sent = browser.submit(OAuthApp.AUTHORIZE + "/consent", java.util.Map.of("decision", "send-code"));
        assertEquals(200, sent.status(), sent.body());
        assertTrue(sent.body().contains("A code was sent to your e-mail address."), sent.body());
        String code = MailCodes.code(address, 1);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        Sigillum.Reply refused = browser.submit(OAuthApp.AUTHORIZE + "/consent", java.util.Map.of("decision", "approve",
                "pin", CscClient.PIN, "otp", wrong));
        assertTrue(refused.body().contains("The PIN or one-time code is wrong, or signing is locked."), refused.body());
        String authorization = client.code(browser.submit(OAuthApp.AUTHORIZE + "/consent", java.util.Map.of(
                "decision", "approve", "pin", CscClient.PIN, "otp", code)));
        String token = client.tokens(authorization, verifier).get("access_token").asText();
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                OAuthFlowIT.signRequest(credentialId, List.of(hash), ECDSA_SHA256, null).toString(), token);
        assertEquals(200, signed.status(), signed.body());
    }

    @Test
    void g5ARecipientThatIsNoAddressIsRefused() {
        CscClient signer = CscClient.newSigner();
        ApiErrors.assertError(Sigillum.operatorPut("/api/v1/users/" + signer.userId + "/authenticators/email",
                Sigillum.object().put("address", "not an address\r\nBcc: x@example.org")), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.operatorPut("/api/v1/users/" + signer.userId + "/authenticators/sms",
                Sigillum.object().put("number", "0151 123")), 400, "invalid_request");
    }

    private static void assertRefused(Sigillum.Reply reply) {
        ApiErrors.assertError(reply, 400, "invalid_authentication_data");
        assertEquals(WRONG, reply.json().get("error_description").asText());
    }

    private static ObjectNode challenge(String credentialId, String authObjectId, List<byte[]> hashes) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId);
        if (authObjectId != null) {
            body.put("authObjectID", authObjectId);
        }
        if (hashes != null) {
            body.put("numSignatures", hashes.size()).put("hashAlgorithmOID", CscClient.SHA256);
            hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        }
        return body;
    }

    private static ObjectNode v1Authorize(String credentialId, String hash, String otp) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("numSignatures", 1)
                .put("PIN", CscClient.PIN).put("OTP", otp);
        body.withArray("hash").add(hash);
        return body;
    }

    private static Sigillum.Reply v1(CscClient signer, String method, ObjectNode body) {
        return Sigillum.post("/csc/v1/" + method, "application/json", body.toString(), signer.token);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return Signatures.sha256(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
