package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256_HMAC;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.Session;

/**
 * Issue 12: a PIN is stored with the small Argon2id cost that the HSM pepper allows (docs/security.md), and a PIN
 * hash made with the former cost (m=19456, t=2) still works and is replaced by one with the current cost on its
 * owner's next successful authorization. The former hash is made here as the server made it: the HSM's HMAC under
 * the pepper key, from the test process's own session on the token, then Argon2id.
 */
class SecretHashCostIT {

    private static final String CURRENT = "$argon2id$v=19$m=1024,t=1,p=1,k=hsm$";
    private static final String FORMER = "$argon2id$v=19$m=19456,t=2,p=1,k=hsm$";

    @Test
    void aNewPinIsStoredWithTheCostTheHsmPepperAllows() throws Exception {
        CscClient signer = CscClient.newSigner();
        assertTrue(pinHash(signer.userId).startsWith(CURRENT), pinHash(signer.userId));
    }

    @Test
    void aPinHashWithTheFormerCostStillAuthorizesAndIsReplacedByOneWithTheCurrentCost() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        String former = formerHash(CscClient.PIN);
        setPinHash(signer.userId, former);

        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        Sigillum.Reply authorized = signer.authorize(id, hashes, CscClient.SHA256, CscClient.PIN);
        assertEquals(200, authorized.status(), "the former hash verifies: " + authorized.body());
        String now = pinHash(signer.userId);
        assertNotEquals(former, now);
        assertTrue(now.startsWith(CURRENT), "rehashed with the current cost: " + now);

        Sigillum.Reply again = signer.authorize(id, hashes, CscClient.SHA256, CscClient.PIN);
        assertEquals(200, again.status(), "and the new hash verifies: " + again.body());
        Sigillum.Reply wrong = signer.authorize(id, hashes, CscClient.SHA256, "135790");
        assertEquals(400, wrong.status(), wrong.body());
    }

    /** What the server stored before issue 12: Argon2id (m=19456, t=2) of the HSM's HMAC of the PIN. */
    private static String formerHash(String pin) throws Exception {
        Session session = TestToken.open();
        byte[] peppered;
        try {
            long[] keys = session.findObjectsSingle(AttributeVector.newSecretKey().token(true).label("sigillum-pepper"), 2);
            assertEquals(1, keys.length, "one pepper key on the token");
            peppered = session.signSingle(new Mechanism(CKM_SHA256_HMAC), keys[0], pin.getBytes(StandardCharsets.UTF_8));
        } finally {
            session.closeSession();
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(19456).withIterations(2).withParallelism(1).build());
        byte[] hash = new byte[32];
        argon2.generateBytes(peppered, hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return FORMER + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static String pinHash(String userId) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement query = db.prepareStatement("SELECT pin_hash FROM sig_user WHERE id = ?")) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private static void setPinHash(String userId, String hash) throws Exception {
        try (Connection db = Database.connect();
             PreparedStatement update = db.prepareStatement("UPDATE sig_user SET pin_hash = ? WHERE id = ?")) {
            update.setString(1, hash);
            update.setString(2, userId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
