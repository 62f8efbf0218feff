package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Checklist A12 (with A3, A4): a SAD is bound to the user and the client application it was issued to, both checked
 * before it is consumed, so a wrong caller neither signs with it nor burns it; and the hashes a user approved bind
 * at SCAL 1 as at SCAL 2.
 */
class SadBindingA12IT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    /** A user with two tokens: one from auth/login, one from a client application's authorization-code flow. */
    private record User(String userId, String loginToken, String appToken, String credentialId) {

        static User create(String keySpec) {
            String username = "a12-" + UUID.randomUUID();
            String userId = Sigillum.createUser(username, CscClient.PASSWORD, CscClient.PIN);
            Sigillum.Reply login = Sigillum.login(username, CscClient.PASSWORD, false);
            assertEquals(200, login.status(), login.body());
            OAuthApp app = OAuthApp.register("service");
            String verifier = OAuthApp.newVerifier();
            String code = app.approve(new Browser(), verifier, Map.of("scope", "service"), username, CscClient.PASSWORD,
                    null);
            String appToken = app.tokens(code, verifier).get("access_token").asText();
            Sigillum.Reply created = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials", keySpec);
            assertEquals(201, created.status(), created.body());
            return new User(userId, login.json().get("access_token").asText(), appToken,
                    created.json().get("credentialID").asText());
        }

        String sad(String token, List<byte[]> hashes) {
            ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("numSignatures", hashes.size())
                    .put("hashAlgorithmOID", CscClient.SHA256);
            hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
            body.withArray("authData").addObject().put("id", "PIN").put("value", CscClient.PIN);
            Sigillum.Reply reply = Sigillum.post("/csc/v2/credentials/authorize", "application/json", body.toString(), token);
            assertEquals(200, reply.status(), reply.body());
            return reply.json().get("SAD").asText();
        }
    }

    private static Sigillum.Reply signHash(String token, String credentialId, String sad, List<byte[]> hashes) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("SAD", sad)
                .put("signAlgo", ECDSA_SHA256).put("hashAlgorithmOID", CscClient.SHA256);
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        return Sigillum.post("/csc/v2/signatures/signHash", "application/json", body.toString(), token);
    }

    private static byte[] randomHash() throws Exception {
        return Signatures.sha256(Signatures.randomData());
    }

    @Test
    void a12AnotherClientOfTheSameUserCannotSpendTheSadNorBurnIt() throws Exception {
        User user = User.create(EC);
        List<byte[]> hashes = List.of(randomHash());
        String sadOfLogin = user.sad(user.loginToken(), hashes);
        ApiErrors.assertError(signHash(user.appToken(), user.credentialId(), sadOfLogin, hashes), 400, "invalid_request",
                "A12");
        assertEquals(200, signHash(user.loginToken(), user.credentialId(), sadOfLogin, hashes).status(),
                "the SAD is intact for the client it was issued to");

        String sadOfApp = user.sad(user.appToken(), hashes);
        ApiErrors.assertError(signHash(user.loginToken(), user.credentialId(), sadOfApp, hashes), 400, "invalid_request",
                "A12");
        Sigillum.Reply signed = signHash(user.appToken(), user.credentialId(), sadOfApp, hashes);
        assertEquals(200, signed.status(), signed.body());
    }

    @Test
    void a12a4AnotherUserPresentingTheSadNeitherSignsNorBurnsIt() throws Exception {
        User owner = User.create(EC);
        User thief = User.create(EC);
        List<byte[]> hashes = List.of(randomHash());
        String sad = owner.sad(owner.loginToken(), hashes);
        // with a credential of the thief's own: refused by the SAM, which says which rule refused
        ApiErrors.assertError(signHash(thief.loginToken(), thief.credentialId(), sad, hashes), 400, "invalid_request",
                "A4");
        // with the owner's credential: not even found for the thief
        ApiErrors.assertError(signHash(thief.loginToken(), owner.credentialId(), sad, hashes), 400, "invalid_request");
        Sigillum.Reply signed = signHash(owner.loginToken(), owner.credentialId(), sad, hashes);
        assertEquals(200, signed.status(), "the owner's SAD was not burnt: " + signed.body());
    }

    @Test
    void a12a3ASadForAnotherCredentialOfTheSameUserIsRefusedAndNotBurnt() throws Exception {
        User user = User.create(EC);
        Sigillum.Reply second = Sigillum.operatorPost("/api/v1/users/" + user.userId() + "/credentials", EC);
        assertEquals(201, second.status(), second.body());
        List<byte[]> hashes = List.of(randomHash());
        String sad = user.sad(user.loginToken(), hashes);
        ApiErrors.assertError(signHash(user.loginToken(), second.json().get("credentialID").asText(), sad, hashes), 400,
                "invalid_request", "A3");
        assertEquals(200, signHash(user.loginToken(), user.credentialId(), sad, hashes).status());
    }

    @Test
    void a12HashesApprovedUnderScal1BindTheSad() throws Exception {
        User user = User.create("{\"keyAlgo\":\"EC\",\"scal\":\"1\"}");
        byte[] approved = randomHash();
        String sad = user.sad(user.loginToken(), List.of(approved));
        ApiErrors.assertError(signHash(user.loginToken(), user.credentialId(), sad, List.of(randomHash())), 403,
                "invalid_hash");

        String other = user.sad(user.loginToken(), List.of(approved));
        Sigillum.Reply signed = signHash(user.loginToken(), user.credentialId(), other, List.of(approved));
        assertEquals(200, signed.status(), signed.body());

        // nothing shown: SCAL 1 signs the number of hashes authorized, whichever they are
        ObjectNode budget = Sigillum.object().put("credentialID", user.credentialId()).put("numSignatures", 1);
        budget.withArray("authData").addObject().put("id", "PIN").put("value", CscClient.PIN);
        Sigillum.Reply authorized = Sigillum.post("/csc/v2/credentials/authorize", "application/json", budget.toString(),
                user.loginToken());
        assertEquals(200, authorized.status(), authorized.body());
        assertTrue(signHash(user.loginToken(), user.credentialId(), authorized.json().get("SAD").asText(),
                List.of(randomHash())).status() == 200);
    }
}
