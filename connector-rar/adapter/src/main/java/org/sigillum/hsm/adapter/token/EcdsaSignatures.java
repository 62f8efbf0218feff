package org.sigillum.hsm.adapter.token;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import org.sigillum.hsm.HsmException;

/** PKCS#11 returns ECDSA signatures as r||s; CSC and X.509 want DER SEQUENCE { INTEGER r, INTEGER s }. */
final class EcdsaSignatures {

    private EcdsaSignatures() {
    }

    static byte[] toDer(byte[] raw, int fieldBytes) throws HsmException {
        if (raw.length != 2 * fieldBytes) {
            throw new HsmException("ECDSA signature of " + raw.length + " bytes, expected " + 2 * fieldBytes);
        }
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, fieldBytes)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, fieldBytes, raw.length)).toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeTlv(body, 0x02, r);
        writeTlv(body, 0x02, s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTlv(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        }
        out.writeBytes(value);
    }
}
