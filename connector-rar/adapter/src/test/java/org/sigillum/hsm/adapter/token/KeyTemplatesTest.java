package org.sigillum.hsm.adapter.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.KeySpec;
import org.xipki.pkcs11.wrapper.AttributeVector;

/** What the token is told about each object Sigillum creates. */
class KeyTemplatesTest {

    @Test
    void unwrappedKeysAreSensitiveNeverExtractableSessionObjects() {
        byte[] id = KeyTemplates.newObjectId();
        AttributeVector key = KeyTemplates.unwrappedPrivateKey(KeySpec.ec(EcCurve.P256), id);
        assertEquals(Boolean.FALSE, key.token());
        assertEquals(Boolean.TRUE, key.sensitive());
        assertEquals(Boolean.FALSE, key.extractable());
        assertEquals(Boolean.TRUE, key.sign());
        assertEquals(HexFormat.of().formatHex(id), HexFormat.of().formatHex(key.id()));
        AttributeVector secret = KeyTemplates.unwrappedSecret();
        assertEquals(Boolean.FALSE, secret.extractable());
        assertEquals(Boolean.TRUE, secret.sensitive());
        assertEquals(Boolean.FALSE, secret.token());
    }

    @Test
    void generatedPrivateKeysAreSessionObjectsExtractableOnlyToBeWrapped() {
        AttributeVector privateKey = KeyTemplates.keyPair(KeySpec.rsa(2048), KeyTemplates.newObjectId()).privateKey();
        assertEquals(Boolean.FALSE, privateKey.token());
        assertEquals(Boolean.TRUE, privateKey.sensitive());
        assertEquals(Boolean.TRUE, privateKey.extractable());
    }

    @Test
    void objectIdsAreFreshAndSixteenBytes() {
        byte[] first = KeyTemplates.newObjectId();
        assertEquals(16, first.length);
        assertNotEquals(HexFormat.of().formatHex(first), HexFormat.of().formatHex(KeyTemplates.newObjectId()));
    }
}
