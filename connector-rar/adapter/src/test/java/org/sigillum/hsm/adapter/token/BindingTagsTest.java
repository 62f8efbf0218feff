package org.sigillum.hsm.adapter.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.WrappedKey;

/** The inputs of the binding MACs, which need no token: what they cover and that the two kinds never meet. */
class BindingTagsTest {

    private static final KeyBinding ALICE = new KeyBinding("cred-1", "alice");
    private static final byte[] BLOB = {1, 2, 3, 4};

    @Test
    void keyInputCoversOwnerCredentialKeyTypeWrappingKeyAndBlob() {
        byte[] input = BindingTags.keyInput(ALICE, KeySpec.ec(EcCurve.P256), "wrap-1", BLOB);
        String text = new String(input, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("alice") && text.contains("cred-1"), text);
        assertTrue(text.contains(":wrap-1:"), text);
        assertArrayEquals(BLOB, Arrays.copyOfRange(input, input.length - BLOB.length, input.length));
        assertFalse(Arrays.equals(input, BindingTags.keyInput(new KeyBinding("cred-2", "alice"), KeySpec.ec(EcCurve.P256),
                "wrap-1", BLOB)));
        assertFalse(Arrays.equals(input, BindingTags.keyInput(ALICE, KeySpec.ec(EcCurve.P384), "wrap-1", BLOB)));
        assertFalse(Arrays.equals(input, BindingTags.keyInput(ALICE, KeySpec.ec(EcCurve.P256), "wrap-2", BLOB)));
    }

    @Test
    void aSealedSecretsInputNeverStartsLikeAWrappedKeys() {
        byte[] secret = BindingTags.secretInput(ALICE, "wrap-1", BLOB);
        byte[] key = BindingTags.keyInput(ALICE, KeySpec.rsa(2048), "wrap-1", BLOB);
        assertEquals((byte) 0xFF, secret[0]);
        assertTrue((key[0] & 0xFF) <= 0x7F, "a binding's encoding starts with a non-negative length");
        assertEquals("sigillum/sealed-secret/v1", new String(secret, 1, 25, StandardCharsets.US_ASCII));
    }

    @Test
    void wrappingLabelIsLengthPrefixedInASealedSecretsInput() {
        assertFalse(Arrays.equals(BindingTags.secretInput(ALICE, "ab", new byte[] {'c'}),
                BindingTags.secretInput(ALICE, "a", new byte[] {'b', 'c'})));
    }

    @Test
    void cacheKeyChangesWithTheTagAndKeepsTheCredential() {
        WrappedKey key = new WrappedKey(ALICE, KeySpec.ec(EcCurve.P256), "wrap-1", BLOB, new byte[] {9});
        WrappedKey retagged = new WrappedKey(ALICE, KeySpec.ec(EcCurve.P256), "wrap-1", BLOB, new byte[] {8});
        assertEquals(BindingTags.cacheKey(key), BindingTags.cacheKey(
                new WrappedKey(ALICE, KeySpec.ec(EcCurve.P256), "wrap-1", BLOB.clone(), new byte[] {9})));
        assertNotEquals(BindingTags.cacheKey(key), BindingTags.cacheKey(retagged));
        assertEquals("cred-1", BindingTags.cacheKey(key).credentialId());
    }
}
