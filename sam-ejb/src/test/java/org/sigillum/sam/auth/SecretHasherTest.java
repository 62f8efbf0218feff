package org.sigillum.sam.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretHasherTest {

    @Test
    void theRightSecretMatchesAndAWrongOneDoesNot() {
        String stored = SecretHasher.hash("correct horse".toCharArray());
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertTrue(SecretHasher.matches("correct horse".toCharArray(), stored));
        assertFalse(SecretHasher.matches("correct horsf".toCharArray(), stored));
        assertFalse(SecretHasher.matches("".toCharArray(), stored));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(SecretHasher.hash("1234".toCharArray()), SecretHasher.hash("1234".toCharArray()));
    }

    @Test
    void storedStringDoesNotContainTheSecret() {
        assertFalse(SecretHasher.hash("483920".toCharArray()).contains("483920"));
    }

    @Test
    void malformedOrForeignHashesNeverMatch() {
        for (String stored : new String[] {null, "", "1234", "$argon2i$v=19$m=19456,t=2,p=1$AAAA$AAAA",
                "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA", "$argon2id$v=19$m=19456,t=2,p=1$!!$AAAA"}) {
            assertFalse(SecretHasher.matches("1234".toCharArray(), stored), String.valueOf(stored));
        }
    }
}
