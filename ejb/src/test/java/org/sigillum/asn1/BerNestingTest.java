package org.sigillum.asn1;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.junit.jupiter.api.Test;

class BerNestingTest {

    @Test
    void d6OrdinaryRequestsAreNotTooDeep() throws Exception {
        byte[] request = new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256, new byte[32],
                BigInteger.TEN).getEncoded();
        assertFalse(BerNesting.tooDeep(request));
        assertFalse(BerNesting.tooDeep(new byte[0]));
        assertFalse(BerNesting.tooDeep(null));
    }

    @Test
    void d6NestingIsCountedForDefiniteAndIndefiniteLengths() {
        assertFalse(BerNesting.tooDeep(indefinite(BerNesting.LIMIT, true)));
        assertTrue(BerNesting.tooDeep(indefinite(BerNesting.LIMIT + 1, true)));
        assertTrue(BerNesting.tooDeep(indefinite(100_000, false)));
        assertFalse(BerNesting.tooDeep(definite(BerNesting.LIMIT)));
        assertTrue(BerNesting.tooDeep(definite(BerNesting.LIMIT + 1)));
    }

    @Test
    void d6SiblingsDoNotAddUp() {
        byte[] inner = indefinite(BerNesting.LIMIT - 1, true);
        byte[] twice = new byte[4 + 2 * inner.length];
        twice[0] = 0x30;
        twice[1] = (byte) 0x80;
        System.arraycopy(inner, 0, twice, 2, inner.length);
        System.arraycopy(inner, 0, twice, 2 + inner.length, inner.length);
        assertFalse(BerNesting.tooDeep(twice));
    }

    @Test
    void d6MalformedInputIsLeftToTheParser() {
        assertFalse(BerNesting.tooDeep(new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f, 0x02, 0x01, 0x01}));
        assertFalse(BerNesting.tooDeep(new byte[] {0x30}));
        assertFalse(BerNesting.tooDeep(new byte[] {0x04, (byte) 0x80}));
    }

    private static byte[] indefinite(int levels, boolean closed) {
        byte[] out = new byte[(closed ? 4 : 2) * levels];
        for (int i = 0; i < levels; i++) {
            out[2 * i] = 0x30;
            out[2 * i + 1] = (byte) 0x80;
        }
        return out;
    }

    /** SEQUENCE { SEQUENCE { … NULL } } with definite lengths, in DER's short or long form. */
    private static byte[] definite(int levels) {
        byte[] content = {0x05, 0x00};
        for (int i = 0; i < levels; i++) {
            int length = content.length;
            byte[] header = length < 128 ? new byte[] {0x30, (byte) length}
                    : new byte[] {0x30, (byte) 0x82, (byte) (length >> 8), (byte) length};
            byte[] wrapped = new byte[header.length + length];
            System.arraycopy(header, 0, wrapped, 0, header.length);
            System.arraycopy(content, 0, wrapped, header.length, length);
            content = wrapped;
        }
        return content;
    }
}
