package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A group's policy is enforced for its service providers and users, each refusal a clear error naming the rule:
 * key algorithms, signature formats and levels, numSignatures, SAD lifetime, SCAL 2, and auth/login. The default
 * group's users are not touched by another group's policy.
 */
class GroupPolicyIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String POLICY = "{\"keyAlgorithms\":[\"EC-P-256\"],\"signatureFormats\":[\"PAdES\",\"CAdES\"],"
            + "\"signatureLevels\":[\"B-B\"],\"maxNumSignatures\":2,\"sadLifetimeSeconds\":60,\"basicLogin\":false,"
            + "\"scal\":\"2\"}";

    private record Member(String username, String userId, String token) {
    }

    private static Member member() {
        String group = Tenants.group("policy", POLICY);
        OAuthApp app = OAuthApp.register("service", group);
        String username = "policy-" + UUID.randomUUID();
        String userId = Tenants.user(username, group);
        return new Member(username, userId, Tenants.serviceToken(app, username));
    }

    private static String hash() throws Exception {
        return Base64.getEncoder().encodeToString(Signatures.sha256(Signatures.randomData()));
    }

    @Test
    void keysOfAnAlgorithmOrSizeTheGroupDoesNotAllowAreNotCreated() {
        Member member = member();
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users/" + member.userId() + "/credentials",
                "{\"keyAlgo\":\"RSA\",\"keyLength\":2048}"), 400, "invalid_request", "does not allow RSA-2048");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users/" + member.userId() + "/credentials",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-384\"}"), 400, "invalid_request", "does not allow EC-P-384");
        assertEquals(0, Sigillum.operatorGet("/api/v1/users/" + member.userId() + "/credentials").json().size());
        Tenants.credential(member.userId(), "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        // the default group allows what the server allows
        Tenants.credential(Sigillum.createUser(), "{\"keyAlgo\":\"RSA\",\"keyLength\":2048}");
    }

    @Test
    void authorizationsBeyondTheGroupsNumSignaturesOrWithoutHashesUnderScal2AreRefusedAndSadsLiveTheGroupsLifetime()
            throws Exception {
        Member member = member();
        String scal1 = Tenants.credential(member.userId(), "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\",\"scal\":\"1\"}");
        ApiErrors.assertError(Tenants.authorize(member.token(), scal1, 3, List.of(hash(), hash(), hash())), 400,
                "invalid_request", "numSignatures must be 1 to 2");
        ApiErrors.assertError(Tenants.authorize(member.token(), scal1, 1, null), 400, "invalid_request",
                "requires SCAL 2");
        Sigillum.Reply granted = Tenants.authorize(member.token(), scal1, 2, List.of(hash(), hash()));
        assertEquals(200, granted.status(), granted.body());
        long expiresIn = granted.json().get("expiresIn").asLong();
        assertTrue(expiresIn > 0 && expiresIn <= 60, granted.body());
    }

    @Test
    void signaturesOfAFormatOrLevelTheGroupDoesNotAllowAreRefused() throws Exception {
        Member member = member();
        String credentialId = Tenants.credential(member.userId(), "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        byte[] xml = TestDocuments.xml("Policy Ltd");
        byte[] pdf = TestDocuments.pdf("Policy");
        ApiErrors.assertError(signDoc(member, credentialId, xml, "X", "Ades-B-B", "Enveloped"), 400, "invalid_request",
                "does not allow XAdES");
        ApiErrors.assertError(signDoc(member, credentialId, pdf, "P", "Ades-B-T", "Certification"), 400,
                "invalid_request", "does not allow level AdES-B-T");
        Sigillum.Reply signed = signDoc(member, credentialId, pdf, "P", "Ades-B-B", "Certification");
        assertEquals(200, signed.status(), signed.body());
    }

    private static Sigillum.Reply signDoc(Member member, String credentialId, byte[] document, String format,
                                          String level, String envelope) throws Exception {
        String digest = Base64.getEncoder().encodeToString(Signatures.sha256(document));
        Sigillum.Reply authorized = Tenants.authorize(member.token(), credentialId, 1, List.of(digest));
        assertEquals(200, authorized.status(), authorized.body());
        ObjectNode body = Sigillum.object().put("credentialID", credentialId)
                .put("SAD", authorized.json().get("SAD").asText());
        body.withArray("documents").add(DocumentSigner.document(document, format, envelope, ECDSA_SHA256, level));
        return Sigillum.post("/csc/v2/signatures/signDoc", "application/json", body.toString(), member.token());
    }

    @Test
    void basicLoginIsRefusedWhereTheGroupTurnedItOff() {
        Member member = member();
        ApiErrors.assertError(Sigillum.login(member.username(), CscClient.PASSWORD, false), 403, "access_denied",
                "auth/login is not allowed");
        String other = "policy-default-" + UUID.randomUUID();
        Sigillum.createUser(other, CscClient.PASSWORD, CscClient.PIN);
        assertEquals(200, Sigillum.login(other, CscClient.PASSWORD, false).status());
    }
}
