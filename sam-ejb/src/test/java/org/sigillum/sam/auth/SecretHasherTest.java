package org.sigillum.sam.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.sigillum.api.error.ServiceException;

/** The hashing rules; the pepper here is an HMAC in software, the HSM's own is tested against SoftHSM2. */
class SecretHasherTest {

    private static Pepper hmac(byte key) {
        return secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(new byte[] {key, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, "HmacSHA256"));
                return mac.doFinal(secret);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static final Pepper PEPPER = hmac((byte) 0);
    /** "246810" under PEPPER with m=19456, t=2, p=1, computed once with the earlier version of SecretHasher. */
    private static final String FORMER_SALT = "c2lnaWxsdW0tZm9ybWVyIQ";
    private static final String FORMER_HASH = "KZGrUF1b0AsmWEViJfVBOXnv/evQPjMoNLyP2AFDx9s";

    @Test
    void theRightSecretMatchesAndAWrongOneDoesNot() throws ServiceException {
        String stored = SecretHasher.hash("correct horse".toCharArray(), PEPPER);
        assertTrue(stored.startsWith("$argon2id$v=19$m=1024,t=1,p=1,k=hsm$"), stored);
        assertTrue(SecretHasher.matches("correct horse".toCharArray(), stored, PEPPER));
        assertFalse(SecretHasher.matches("correct horsf".toCharArray(), stored, PEPPER));
        assertFalse(SecretHasher.matches("".toCharArray(), stored, PEPPER));
    }

    @Test
    void aHashWithTheFormerOwaspParametersStillMatchesAndIsOutdated() throws ServiceException {
        // made with the parameters used before the HSM pepper set the cost (m=19456, t=2), same pepper
        String stored = "$argon2id$v=19$m=19456,t=2,p=1,k=hsm$" + FORMER_SALT + "$" + FORMER_HASH;
        assertTrue(SecretHasher.matches("246810".toCharArray(), stored, PEPPER));
        assertTrue(SecretHasher.outdated(stored), "to be rehashed after the next successful check");
        assertFalse(SecretHasher.outdated(SecretHasher.hash("246810".toCharArray(), PEPPER)));
        assertFalse(SecretHasher.outdated(null));
        assertFalse(SecretHasher.outdated("not a hash"));
    }

    @Test
    void withoutThePepperKeyTheRightSecretDoesNotMatch() throws ServiceException {
        String stored = SecretHasher.hash("246810".toCharArray(), PEPPER);
        assertFalse(SecretHasher.matches("246810".toCharArray(), stored, hmac((byte) 1)),
                "an attacker with the database but another key must not be able to confirm a guess");
    }

    @Test
    void eachHashHasItsOwnSalt() throws ServiceException {
        assertNotEquals(SecretHasher.hash("1234".toCharArray(), PEPPER), SecretHasher.hash("1234".toCharArray(), PEPPER));
    }

    @Test
    void storedStringDoesNotContainTheSecret() throws ServiceException {
        assertFalse(SecretHasher.hash("483920".toCharArray(), PEPPER).contains("483920"));
    }

    @Test
    void malformedForeignOrUnpepperedHashesNeverMatch() throws ServiceException {
        for (String stored : new String[] {null, "", "1234", "$argon2i$v=19$m=19456,t=2,p=1,k=hsm$AAAA$AAAA",
                "$argon2id$v=19$m=x,t=2,p=1,k=hsm$AAAA$AAAA", "$argon2id$v=19$m=19456,t=2,p=1,k=hsm$!!$AAAA",
                "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            assertFalse(SecretHasher.matches("1234".toCharArray(), stored, PEPPER), String.valueOf(stored));
        }
    }
}
