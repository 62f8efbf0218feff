package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A signer with one credential, signing documents through CSC signDoc under SADs authorized for their digests. */
record DocumentSigner(CscClient client, String credentialId) {

    static DocumentSigner create(String keySpec) {
        CscClient client = CscClient.newSigner();
        return new DocumentSigner(client, client.newCredential(keySpec).get("credentialID").asText());
    }

    static ObjectNode document(byte[] content, String format, String envelope, String signAlgo) {
        return document(content, format, envelope, signAlgo, "Ades-B-B");
    }

    static ObjectNode document(byte[] content, String format, String envelope, String signAlgo, String level) {
        return Sigillum.object().put("document", Base64.getEncoder().encodeToString(content))
                .put("signature_format", format).put("conformance_level", level).put("signAlgo", signAlgo)
                .put("signed_envelope_property", envelope);
    }

    String sadFor(byte[]... documents) throws Exception {
        List<byte[]> digests = new ArrayList<>();
        for (byte[] document : documents) {
            digests.add(Signatures.sha256(document));
        }
        return client.sad(credentialId, digests, CscClient.SHA256);
    }

    Sigillum.Reply signDoc(String sad, ObjectNode... documents) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("SAD", sad);
        for (ObjectNode document : documents) {
            body.withArray("documents").add(document);
        }
        return client.call("signatures/signDoc", body);
    }

    byte[] sign(byte[] content, String format, String envelope, String signAlgo) throws Exception {
        return sign(content, format, envelope, signAlgo, "Ades-B-B");
    }

    byte[] sign(byte[] content, String format, String envelope, String signAlgo, String level) throws Exception {
        Sigillum.Reply reply = signDoc(sadFor(content), document(content, format, envelope, signAlgo, level));
        assertEquals(200, reply.status(), reply.body());
        String field = "Detached".equals(envelope) ? "SignatureObject" : "DocumentWithSignature";
        return Base64.getDecoder().decode(reply.json().get(field).get(0).asText());
    }
}
