package org.sigillum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A signer that a benchmark creates for itself: an account with password and PIN, created by the operator, logged
 * in with auth/login for a CSC service token; and the CSC calls the benchmarks make on its behalf.
 */
final class BenchSigner {

    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    static final String RSA_SHA256 = "1.2.840.113549.1.1.11";
    static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String PASSWORD = "benchmark password";
    private static final String PIN = "135790";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BenchServer server;
    private final String userId;
    private final String token;

    private BenchSigner(BenchServer server, String userId, String token) {
        this.server = server;
        this.userId = userId;
        this.token = token;
    }

    static BenchSigner create(BenchServer server) throws IOException, InterruptedException {
        String username = "bench-" + UUID.randomUUID();
        String userId = server.operator("/api/v1/users", Map.of("username", username, "password", PASSWORD, "pin", PIN))
                .get("id").asText();
        String token = server.post("/csc/v2/auth/login", Map.of(), BenchServer.basic(username, PASSWORD))
                .get("access_token").asText();
        return new BenchSigner(server, userId, "Bearer " + token);
    }

    String userId() {
        return userId;
    }

    /** A new credential (key in the HSM, certificate from the built-in CA); returns its credentialID. */
    String credential(Map<String, Object> request) throws IOException, InterruptedException {
        return server.operator("/api/v1/users/" + userId + "/credentials", request).get("credentialID").asText();
    }

    /** credentials/authorize with the PIN for exactly these base64 hashes; returns the SAD. */
    String authorize(String credential, List<String> hashes) throws IOException, InterruptedException {
        ObjectNode body = BenchServer.JSON.createObjectNode().put("credentialID", credential)
                .put("numSignatures", hashes.size()).put("hashAlgorithmOID", SHA256);
        hashes.forEach(body.withArray("hashes")::add);
        body.withArray("authData").addObject().put("id", "PIN").put("value", PIN);
        return server.post("/csc/v2/credentials/authorize", body, token).get("SAD").asText();
    }

    /** signatures/signHash; returns the signatures, checked to be one per hash. */
    JsonNode signHash(String credential, String signAlgo, String sad, List<String> hashes)
            throws IOException, InterruptedException {
        ObjectNode body = BenchServer.JSON.createObjectNode().put("credentialID", credential).put("SAD", sad)
                .put("hashAlgorithmOID", SHA256).put("signAlgo", signAlgo);
        hashes.forEach(body.withArray("hashes")::add);
        JsonNode signatures = server.post("/csc/v2/signatures/signHash", body, token).get("signatures");
        if (signatures == null || signatures.size() != hashes.size()) {
            throw new IllegalStateException("expected " + hashes.size() + " signatures, got " + signatures);
        }
        return signatures;
    }

    /** One signing request of a document over signatures/signDoc; returns the signed document (base64). */
    String signDoc(String credential, String sad, SignDocOptions options, String base64Document)
            throws IOException, InterruptedException {
        ObjectNode body = BenchServer.JSON.createObjectNode().put("credentialID", credential).put("SAD", sad);
        body.withArray("documents").addObject().put("document", base64Document)
                .put("signature_format", options.format()).put("conformance_level", options.level())
                .put("signAlgo", options.signAlgo()).put("signed_envelope_property", options.envelope());
        JsonNode signed = server.post("/csc/v2/signatures/signDoc", body, token).get("DocumentWithSignature");
        if (signed == null || signed.size() != 1) {
            throw new IllegalStateException("no signed document");
        }
        return signed.get(0).asText();
    }

    /** signatures/signDoc's per-document options: CSC signature_format letter, level, algorithm, envelope. */
    record SignDocOptions(String format, String level, String signAlgo, String envelope) {
    }

    /** credentials/list with credential and certificate details, as a client application shows them. */
    JsonNode listCredentials() throws IOException, InterruptedException {
        JsonNode ids = server.post("/csc/v2/credentials/list", Map.of("credentialInfo", true, "certInfo", true), token)
                .get("credentialIDs");
        if (ids == null || ids.isEmpty()) {
            throw new IllegalStateException("no credentialIDs in the listing");
        }
        return ids;
    }

    /** The Document Signature API's multipart upload; returns the length of the signed document. */
    long upload(String options, byte[] document) throws IOException, InterruptedException {
        return server.upload("/api/v1/documents/sign", token, options, document);
    }

    static List<String> randomHashes(int count) {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] hash = new byte[32];
            RANDOM.nextBytes(hash);
            hashes.add(Base64.getEncoder().encodeToString(hash));
        }
        return hashes;
    }
}
