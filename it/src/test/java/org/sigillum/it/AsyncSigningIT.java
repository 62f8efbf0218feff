package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CSC v2 asynchronous operation mode, as info announces it (asynchronousOperationMode, signatures/signPolling):
 * signHash and signDoc with operationMode "A" answer 202 with a responseID, and signPolling returns what the
 * synchronous call would have, once; while the operation runs, 400 invalid_request with the specification's text.
 * The SAD rules hold as in synchronous mode (a refused signature is the poll's outcome, in the API's error format),
 * an outcome is only the asking user's and application's, and the server calls no client-chosen response_uri.
 */
class AsyncSigningIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final String PENDING = "The previous asynchronous signature request has been accepted for "
            + "processing, but the processing has not yet been completed.";

    private final CscClient signer = CscClient.newSigner();
    private final JsonNode credential = signer.newCredential(EC);
    private final String credentialId = credential.get("credentialID").asText();

    private ObjectNode signHash(String sad, byte[] hash) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("SAD", sad)
                .put("hashAlgorithmOID", CscClient.SHA256).put("signAlgo", ECDSA_SHA256).put("operationMode", "A");
        body.putArray("hashes").add(Base64.getEncoder().encodeToString(hash));
        return body;
    }

    /** signPolling until the outcome is there (at most 60 s); each answer before it is the pending one. */
    private static Sigillum.Reply poll(CscClient client, String responseId) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            Sigillum.Reply reply = client.call("signatures/signPolling", Sigillum.object().put("responseID", responseId));
            if (reply.status() == 400 && reply.json().path("error_description").asText().equals(PENDING)) {
                assertEquals("invalid_request", reply.json().get("error").asText());
                Thread.sleep(200);
                continue;
            }
            return reply;
        }
        throw new AssertionError("the asynchronous operation did not finish in 60 s");
    }

    private static String accepted(Sigillum.Reply reply) {
        assertEquals(202, reply.status(), reply.body());
        String responseId = reply.json().get("responseID").asText();
        assertFalse(responseId.isBlank());
        assertFalse(reply.json().has("signatures"), reply.body());
        return responseId;
    }

    @Test
    void signHashInAsynchronousModeIsPolledAndVerifies() throws Exception {
        byte[] data = Signatures.randomData();
        byte[] hash = Signatures.sha256(data);
        String responseId = accepted(signer.call("signatures/signHash",
                signHash(signer.sad(credentialId, List.of(hash), CscClient.SHA256), hash)));
        Sigillum.Reply outcome = poll(signer, responseId);
        assertEquals(200, outcome.status(), outcome.body());
        PublicKey key = Signatures.publicKey(credential.get("publicKey").asText());
        assertTrue(Signatures.verify(key, ECDSA_SHA256, data, outcome.json().get("signatures").get(0).asText()));
        // the same outcome again within its validity; nobody else's token reaches it
        assertEquals(outcome.body(), poll(signer, responseId).body());
        ApiErrors.assertError(CscClient.newSigner().call("signatures/signPolling",
                Sigillum.object().put("responseID", responseId)), 400, "invalid_request");
        ApiErrors.assertError(signer.call("signatures/signPolling", Sigillum.object().put("responseID", "unknown")),
                400, "invalid_request");
        ApiErrors.assertError(signer.call("signatures/signPolling", Sigillum.object()), 400, "invalid_request");
    }

    @Test
    void refusedAsynchronousSignatureIsThePollsOutcome() throws Exception {
        byte[] authorized = Signatures.sha256(Signatures.randomData());
        byte[] other = Signatures.sha256(Signatures.randomData());
        String sad = signer.sad(credentialId, List.of(authorized), CscClient.SHA256);
        // a hash the SAD does not cover: accepted, then refused as synchronous signHash would refuse it
        Sigillum.Reply refused = poll(signer, accepted(signer.call("signatures/signHash", signHash(sad, other))));
        ApiErrors.assertError(refused, 403, "invalid_hash");
        // a SAD is spent once in asynchronous mode too: the second operation under it is refused when it runs
        String fresh = signer.sad(credentialId, List.of(authorized), CscClient.SHA256);
        assertEquals(200, poll(signer, accepted(signer.call("signatures/signHash", signHash(fresh, authorized)))).status());
        ApiErrors.assertError(poll(signer, accepted(signer.call("signatures/signHash", signHash(fresh, authorized)))),
                400, "invalid_request");
    }

    @Test
    void signDocInAsynchronousModeIsPolledAndPdfsigValidates() throws Exception {
        DocumentSigner documents = new DocumentSigner(signer, credentialId);
        byte[] pdf = TestDocuments.pdf("signed asynchronously");
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("SAD", documents.sadFor(pdf))
                .put("operationMode", "A").put("validity_period", 60_000);
        body.withArray("documents").add(DocumentSigner.document(pdf, "P", "Revision", ECDSA_SHA256));
        Sigillum.Reply outcome = poll(signer, accepted(signer.call("signatures/signDoc", body)));
        assertEquals(200, outcome.status(), outcome.body());
        byte[] signed = Base64.getDecoder().decode(outcome.json().get("DocumentWithSignature").get(0).asText());
        java.nio.file.Path dir = ExternalTools.workspaceWithCaCertificates();
        java.nio.file.Files.write(dir.resolve("async.pdf"), signed);
        ExternalTools.Run pdfsig = ExternalTools.run(dir, "pdfsig", "async.pdf");
        assertTrue(pdfsig.output().contains("Signature is Valid."), pdfsig.output());
    }

    @Test
    void operationModeResponseUriAndValidityAreChecked() throws Exception {
        byte[] hash = Signatures.sha256(Signatures.randomData());
        String sad = signer.sad(credentialId, List.of(hash), CscClient.SHA256);
        ApiErrors.assertError(signer.call("signatures/signHash", signHash(sad, hash)
                .put("response_uri", "https://client.example/done")), 400, "invalid_request");
        ApiErrors.assertError(signer.call("signatures/signHash", signHash(sad, hash).put("operationMode", "X")),
                400, "invalid_request");
        ApiErrors.assertError(signer.call("signatures/signHash", signHash(sad, hash).put("validity_period", 0)),
                400, "invalid_request");
        // none of these spent the SAD; synchronous mode (S) still answers at once
        Sigillum.Reply synchronous = signer.call("signatures/signHash", signHash(sad, hash).put("operationMode", "S"));
        assertEquals(200, synchronous.status(), synchronous.body());
        assertEquals(1, synchronous.json().get("signatures").size());
    }
}
