package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Functions;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

/**
 * Checklist B1 (and the HSM-enforced half of B3): what the database holds of a private key is ciphertext under
 * an HSM key that is sensitive and never extractable; the HSM refuses to unwrap it as anything but a sensitive,
 * non-extractable session object, even for a PIN holder; no private-key encoding appears in a dump of the
 * database, in the server log or in an API response.
 */
class KeyStorageIT {

    /** DER prefixes of PKCS#8 PrivateKeyInfo for rsaEncryption and id-ecPublicKey. */
    private static final List<String> PKCS8_MARKERS = List.of(
            "020100300d06092a864886f70d0101010500", "020100301306072a8648ce3d0201");

    @Test
    void b1PrivateKeysAreStoredOnlyWrappedUnderASensitiveNonExtractableHsmKey() throws Exception {
        String user = Sigillum.createUser();
        List<JsonNode> credentials = List.of(
                createCredential(user, "{\"keyAlgo\":\"RSA\",\"keyLength\":2048}"),
                createCredential(user, "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}"));

        Session session = TestToken.open();
        try {
            assertTokenKeyIsLocked(session, "sigillum-wrap");
            assertTokenKeyIsLocked(session, "sigillum-bind");
            assertTokenKeyIsLocked(session, "sigillum-pepper");
            long wrappingKey = findSecretKey(session, "sigillum-wrap");
            for (JsonNode credential : credentials) {
                StoredKey stored = storedKey(credential.get("credentialID").asText());
                assertFalse(containsPkcs8(stored.blob()), "the stored blob is a plain PKCS#8 key");
                assertEquals(0, stored.blob().length % 8, "AES key wrap output is a multiple of 8 bytes");

                boolean rsa = "RSA".equals(credential.get("keyAlgo").asText());
                PKCS11Exception refused = assertThrows(PKCS11Exception.class, () -> session.unwrapKey(
                        new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, stored.blob(),
                        privateKeyTemplate(rsa).sensitive(false).extractable(true)),
                        "the HSM let a PIN holder unwrap the key as extractable");
                assertEquals(CKR_TEMPLATE_INCONSISTENT, refused.getErrorCode());

                long key = session.unwrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, stored.blob(),
                        privateKeyTemplate(rsa).sensitive(true).extractable(false));
                try {
                    assertBlobHoldsTheCredentialsKey(session, key, rsa, credential.get("publicKey").asText());
                } finally {
                    session.destroyObject(key);
                }
            }
        } finally {
            session.closeSession();
        }

        String dump = pgDump();
        for (JsonNode credential : credentials) {
            String blobHex = HexFormat.of().formatHex(storedKey(credential.get("credentialID").asText()).blob());
            assertTrue(dump.contains(blobHex), "the dump is expected to show the wrapped blob as hex");
        }
        for (String marker : PKCS8_MARKERS) {
            assertFalse(dump.toLowerCase().contains(marker), "a PKCS#8 private key is in the database dump");
        }
        String log = Files.readString(Path.of(Sigillum.env("SIGILLUM_IT_SERVER_LOG")), StandardCharsets.ISO_8859_1);
        assertFalse(log.contains("PRIVATE KEY"), "a private key in the server log");
        for (JsonNode credential : credentials) {
            String blobBase64 = Base64.getEncoder().encodeToString(storedKey(credential.get("credentialID").asText()).blob());
            assertFalse(log.contains(blobBase64.substring(0, 40)), "wrapped key material in the server log");
            assertFalse(credential.toString().contains(blobBase64.substring(0, 40)), "wrapped key in an API response");
        }
    }

    private static JsonNode createCredential(String user, String body) {
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users/" + user + "/credentials", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static void assertTokenKeyIsLocked(Session session, String label) throws Exception {
        AttributeVector attributes = session.getAttrValues(findSecretKey(session, label), CKA_TOKEN, CKA_SENSITIVE,
                CKA_EXTRACTABLE, CKA_NEVER_EXTRACTABLE);
        assertEquals(Boolean.TRUE, attributes.token(), label);
        assertEquals(Boolean.TRUE, attributes.sensitive(), label);
        assertEquals(Boolean.FALSE, attributes.extractable(), label);
        assertEquals(Boolean.TRUE, attributes.neverExtractable(), label);
    }

    private static void assertBlobHoldsTheCredentialsKey(Session session, long key, boolean rsa, String publicKey)
            throws Exception {
        AttributeVector attributes = session.getAttrValues(key, CKA_TOKEN, CKA_SENSITIVE, CKA_EXTRACTABLE);
        assertEquals(Boolean.FALSE, attributes.token(), "B3: unwrapped key must be a session object");
        assertEquals(Boolean.TRUE, attributes.sensitive());
        assertEquals(Boolean.FALSE, attributes.extractable());
        byte[] data = Signatures.randomData();
        byte[] digest = Signatures.sha256(data);
        byte[] signature;
        Signature verifier;
        if (rsa) {
            byte[] digestInfo = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
            byte[] input = new byte[digestInfo.length + digest.length];
            System.arraycopy(digestInfo, 0, input, 0, digestInfo.length);
            System.arraycopy(digest, 0, input, digestInfo.length, digest.length);
            signature = session.signSingle(new Mechanism(CKM_RSA_PKCS), key, input);
            verifier = Signature.getInstance("SHA256withRSA");
        } else {
            byte[] raw = session.signSingle(new Mechanism(CKM_ECDSA), key, digest);
            signature = Functions.dsaSigPlainToX962(raw);
            verifier = Signature.getInstance("SHA256withECDSA");
        }
        PublicKey stored = Signatures.publicKey(publicKey);
        verifier.initVerify(stored);
        verifier.update(data);
        assertTrue(verifier.verify(signature), "the wrapped blob is not the credential's private key");
    }

    private static AttributeVector privateKeyTemplate(boolean rsa) {
        return (rsa ? AttributeVector.newRSAPrivateKey() : AttributeVector.newECPrivateKey()).token(false).sign(true);
    }

    private static long findSecretKey(Session session, String label) throws Exception {
        long[] found = session.findObjectsSingle(AttributeVector.newSecretKey().label(label), 2);
        assertEquals(1, found.length, "token key " + label);
        return found[0];
    }

    record StoredKey(byte[] blob) {
    }

    private static StoredKey storedKey(String credentialId) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("SELECT wrapped_private_key FROM credential WHERE id = ?")) {
            query.setString(1, credentialId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "credential row " + credentialId);
                return new StoredKey(row.getBytes(1));
            }
        }
    }

    private static boolean containsPkcs8(byte[] blob) {
        String hex = HexFormat.of().formatHex(blob);
        return PKCS8_MARKERS.stream().anyMatch(hex::contains);
    }

    private static String pgDump() throws IOException, InterruptedException {
        String url = Sigillum.env("SIGILLUM_IT_DB_URL");
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        ExternalTools.Run run = ExternalTools.run(null, Duration.ofSeconds(60), List.of(Sigillum.env("SIGILLUM_IT_PG_DUMP"),
                "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", Sigillum.env("SIGILLUM_IT_DB_USER"),
                "--data-only", uri.getPath().substring(1)));
        String dump = run.output();
        assertTrue(run.exit() == 0, "pg_dump failed: " + dump);
        assertTrue(dump.contains("COPY public.credential"), "dump lacks the credential table");
        return dump;
    }
}
