package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** Accounts and credentials through the operator API; key generation happens in the HSM via the adapter. */
class AdminApiIT {

    @Test
    void credentialsOfEveryKindAreGeneratedWithTheRequestedSize() throws Exception {
        String user = Sigillum.createUser();
        assertKey(user, "{\"keyAlgo\":\"RSA\",\"keyLength\":3072}", 3072);
        assertKey(user, "{\"keyAlgo\":\"EC\",\"curve\":\"P-384\"}", 384);
        assertKey(user, "{\"keyAlgo\":\"EC\",\"curve\":\"P-521\"}", 521);
        JsonNode list = Sigillum.operatorGet("/api/v1/users/" + user + "/credentials").json();
        assertEquals(3, list.size());
        list.forEach(c -> assertFalse(c.has("wrappedPrivateKey") || c.toString().contains("wrapped")));
    }

    @Test
    void b4WeakOrUnknownKeysAreRefused() {
        String user = Sigillum.createUser();
        for (String body : new String[] {"{\"keyAlgo\":\"RSA\",\"keyLength\":1024}", "{\"keyAlgo\":\"RSA\",\"keyLength\":2047}",
                "{\"keyAlgo\":\"EC\",\"curve\":\"P-192\"}", "{\"keyAlgo\":\"DSA\"}", "{}"}) {
            ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users/" + user + "/credentials", body), 400,
                    "invalid_request");
        }
        assertEquals(0, Sigillum.operatorGet("/api/v1/users/" + user + "/credentials").json().size(),
                "a refused request left a credential behind");
    }

    @Test
    void usersAreValidatedAndUnique() {
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users", "{\"username\":\"a b\\r\\nc\"}"), 400,
                "invalid_request");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users", "{}"), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users", "{\"username\":\"short-pw\",\"password\":\"123\"}"),
                400, "invalid_request");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users", "{\"username\":\"bad-pin\",\"pin\":\"12a4\"}"),
                400, "invalid_request");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users", "{\"username\":\"short-pin\",\"pin\":\"123\"}"),
                400, "invalid_request");
        String name = "unique-" + System.nanoTime();
        assertEquals(201, Sigillum.operatorPost("/api/v1/users", "{\"username\":\"" + name + "\"}").status());
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users", "{\"username\":\"" + name + "\"}"), 409, "conflict");
    }

    @Test
    void unknownUsersAndCredentialsAreNotFound() {
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/users/00000000-0000-0000-0000-000000000000"), 404, "not_found");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users/00000000-0000-0000-0000-000000000000/credentials",
                "{\"keyAlgo\":\"EC\"}"), 404, "not_found");
        String owner = Sigillum.createUser();
        String other = Sigillum.createUser();
        String credential = Sigillum.operatorPost("/api/v1/users/" + owner + "/credentials", "{\"keyAlgo\":\"EC\"}")
                .json().get("credentialID").asText();
        assertEquals(200, Sigillum.operatorGet("/api/v1/users/" + owner + "/credentials/" + credential).status());
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/users/" + other + "/credentials/" + credential), 404,
                "not_found");
    }

    private static void assertKey(String user, String body, int bits) throws Exception {
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users/" + user + "/credentials", body);
        assertEquals(201, reply.status(), reply.body());
        assertEquals(bits, reply.json().get("keyLength").asInt());
        PublicKey key = Signatures.publicKey(reply.json().get("publicKey").asText());
        int actual = key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength()
                : ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
        assertEquals(bits, actual);
        assertTrue(reply.json().get("credentialID").asText().matches("[0-9a-f-]{36}"));
    }
}
