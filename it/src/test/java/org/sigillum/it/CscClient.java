package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A signer as a client application sees one: account, credential, service token, and the CSC calls. */
final class CscClient {

    static final String PASSWORD = "correct horse battery";
    static final String PIN = "246810";
    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    static final String SHA384 = "2.16.840.1.101.3.4.2.2";

    final String userId;
    final String token;

    private CscClient(String userId, String token) {
        this.userId = userId;
        this.token = token;
    }

    /** A new account with password and PIN, logged in through auth/login. */
    static CscClient newSigner() {
        String name = "signer-" + UUID.randomUUID();
        String userId = Sigillum.createUser(name, PASSWORD, PIN);
        Sigillum.Reply login = Sigillum.login(name, PASSWORD, false);
        assertEquals(200, login.status(), login.body());
        return new CscClient(userId, login.json().get("access_token").asText());
    }

    /** A credential of this signer, created by the operator; returns its JSON (credentialID, publicKey…). */
    JsonNode newCredential(String keySpecJson) {
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials", keySpecJson);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    Sigillum.Reply call(String method, ObjectNode body) {
        return Sigillum.post("/csc/v2/" + method, "application/json", body.toString(), token);
    }

    /** credentials/authorize, retried while the server is too busy verifying PINs to take it (503, no attempt spent). */
    Sigillum.Reply authorize(String credentialId, List<byte[]> hashes, String hashAlgorithmOid, String pin) {
        return Sigillum.whenNotBusy(() -> call("credentials/authorize",
                authorizeRequest(credentialId, hashes, hashAlgorithmOid, pin)));
    }

    /** credentials/authorize with a PIN and a one-time code under the auth object ID {@code codeId}. */
    Sigillum.Reply authorizeWith(String credentialId, List<byte[]> hashes, String pin, String codeId, String code) {
        ObjectNode body = authorizeRequest(credentialId, hashes, SHA256, pin);
        body.withArray("authData").addObject().put("id", codeId).put("value", code);
        return Sigillum.whenNotBusy(() -> call("credentials/authorize", body));
    }

    /** credentials/authorize with the signer's PIN, sent to the server at {@code baseUrl} (one node, or the balancer). */
    Sigillum.Reply authorizeAt(String baseUrl, String credentialId, List<byte[]> hashes, String hashAlgorithmOid) {
        return Sigillum.whenNotBusy(() -> Sigillum.postTo(baseUrl, "/csc/v2/credentials/authorize", "application/json",
                authorizeRequest(credentialId, hashes, hashAlgorithmOid, PIN).toString(), token));
    }

    private static ObjectNode authorizeRequest(String credentialId, List<byte[]> hashes, String hashAlgorithmOid, String pin) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("numSignatures", hashes.size());
        if (hashAlgorithmOid != null) {
            body.put("hashAlgorithmOID", hashAlgorithmOid);
        }
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        body.withArray("authData").addObject().put("id", "PIN").put("value", pin);
        return body;
    }

    /** Authorizes and returns the SAD, failing the test when the authorization is refused. */
    String sad(String credentialId, List<byte[]> hashes, String hashAlgorithmOid) {
        Sigillum.Reply reply = authorize(credentialId, hashes, hashAlgorithmOid, PIN);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("SAD").asText();
    }

    Sigillum.Reply signHash(String credentialId, String sad, List<byte[]> hashes, String hashAlgorithmOid, String signAlgo) {
        return call("signatures/signHash", signHashRequest(credentialId, sad, hashes, hashAlgorithmOid, signAlgo));
    }

    /** signHash sent to the server at {@code baseUrl} (one node of a cluster). */
    Sigillum.Reply signHashAt(String baseUrl, String credentialId, String sad, List<byte[]> hashes, String hashAlgorithmOid,
                              String signAlgo) {
        return Sigillum.postTo(baseUrl, "/csc/v2/signatures/signHash", "application/json",
                signHashRequest(credentialId, sad, hashes, hashAlgorithmOid, signAlgo).toString(), token);
    }

    private static ObjectNode signHashRequest(String credentialId, String sad, List<byte[]> hashes, String hashAlgorithmOid,
                                              String signAlgo) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("SAD", sad).put("signAlgo", signAlgo);
        if (hashAlgorithmOid != null) {
            body.put("hashAlgorithmOID", hashAlgorithmOid);
        }
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        return body;
    }

    static byte[] digest(String algorithm, byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance(algorithm).digest(data);
    }
}
