package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checklist A11: a SAD or credential token issued before the credential was revoked signs nothing afterwards, on
 * any path: signDoc with documents and with documentDigests, the Document Signature API, a credential-scope OAuth
 * token, and extendTransaction does not renew it.
 */
class CredentialStateA11IT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    @TempDir
    Path dir;

    private static void revoke(String userId, String credentialId) {
        Sigillum.Reply revoked = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials/" + credentialId
                + "/revoke", "{}");
        assertEquals(200, revoked.status(), revoked.body());
    }

    private static void assertRefusedAsRevoked(Sigillum.Reply reply) {
        ApiErrors.assertError(reply, 400, "invalid_request", "A11");
    }

    private static ObjectNode digestsEntry(byte[] hash) {
        ObjectNode entry = Sigillum.object().put("hashAlgorithmOID", CscClient.SHA256).put("signature_format", "C")
                .put("conformance_level", "Ades-B-B").put("signAlgo", ECDSA_SHA256);
        entry.withArray("hashes").add(Base64.getEncoder().encodeToString(hash));
        return entry;
    }

    @Test
    void a11RevokedCredentialCannotSignDocWithDocuments() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] xml = TestDocuments.xml("Revoked Ltd");
        String sad = signer.sadFor(xml);
        revoke(signer.client().userId, signer.credentialId());
        assertRefusedAsRevoked(signer.signDoc(sad, DocumentSigner.document(xml, "X", "Enveloped", ECDSA_SHA256)));
    }

    @Test
    void a11RevokedCredentialCannotSignDocWithDocumentDigests() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] hash = Signatures.sha256(Signatures.randomData());
        String sad = signer.client().sad(signer.credentialId(), List.of(hash), CscClient.SHA256);
        revoke(signer.client().userId, signer.credentialId());
        ObjectNode body = Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", sad);
        body.withArray("documentDigests").add(digestsEntry(hash));
        assertRefusedAsRevoked(signer.client().call("signatures/signDoc", body));
    }

    @Test
    void a11RevokedCredentialCannotSignThroughTheDocumentApi() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] pdf = TestDocuments.pdf("Revoked before signing");
        String sad = signer.sadFor(pdf);
        revoke(signer.client().userId, signer.credentialId());
        ObjectNode options = Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", sad)
                .put("signature_format", "P").put("conformance_level", "Ades-B-B").put("signAlgo", ECDSA_SHA256);
        DocumentUpload.Answer answer = DocumentUpload.to(dir).bearer(signer.client().token)
                .file(Files.write(dir.resolve("late.pdf"), pdf), "late.pdf").options(options).send();
        assertRefusedAsRevoked(answer.asReply());
    }

    @Test
    void a11RevokedCredentialCannotSignWithACredentialScopeToken() throws Exception {
        SigningUser user = SigningUser.create("a11", EC);
        String username = user.username();
        String userId = user.userId();
        String credentialId = user.credentialId();
        OAuthApp app = OAuthApp.register("service credential");
        byte[] hash = Signatures.sha256(Signatures.randomData());
        Map<String, String> request = new LinkedHashMap<>();
        request.put("scope", "credential");
        request.put("credentialID", credentialId);
        request.put("numSignatures", "1");
        request.put("hashAlgorithmOID", CscClient.SHA256);
        request.put("hashes", Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        String verifier = OAuthApp.newVerifier();
        String code = app.approve(new Browser(), verifier, request, username, CscClient.PASSWORD, CscClient.PIN);
        JsonNode tokens = app.tokens(code, verifier);
        String credentialToken = tokens.get("access_token").asText();
        revoke(userId, credentialId);

        ObjectNode signDoc = Sigillum.object().put("credentialID", credentialId);
        signDoc.withArray("documentDigests").add(digestsEntry(hash));
        assertRefusedAsRevoked(Sigillum.post("/csc/v2/signatures/signDoc", "application/json", signDoc.toString(),
                credentialToken));
        ObjectNode signHash = Sigillum.object().put("credentialID", credentialId).put("signAlgo", ECDSA_SHA256)
                .put("hashAlgorithmOID", CscClient.SHA256);
        signHash.withArray("hashes").add(Base64.getEncoder().encodeToString(hash));
        ApiErrors.assertError(Sigillum.post("/csc/v2/signatures/signHash", "application/json", signHash.toString(),
                credentialToken), 400, "invalid_request");
    }

    @Test
    void a11ExtendTransactionDoesNotRenewASadOfARevokedCredential() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] hash = Signatures.sha256(Signatures.randomData());
        String sad = signer.client().sad(signer.credentialId(), List.of(hash), CscClient.SHA256);
        revoke(signer.client().userId, signer.credentialId());
        assertRefusedAsRevoked(signer.client().call("credentials/extendTransaction", Sigillum.object()
                .put("credentialID", signer.credentialId()).put("SAD", sad)));
    }
}
