package org.sigillum.hsm.adapter.token;

import org.sigillum.hsm.HsmException;
import org.xipki.pkcs11.wrapper.Functions;

/** PKCS#11 returns ECDSA signatures as r||s; CSC and X.509 want DER SEQUENCE { INTEGER r, INTEGER s }. */
final class EcdsaSignatures {

    private EcdsaSignatures() {
    }

    static byte[] toDer(byte[] raw, int fieldBytes) throws HsmException {
        // the wrapper's conversion splits r||s in the middle: a token's short answer must not pass as two halves
        if (raw.length != 2 * fieldBytes) {
            throw new HsmException("ECDSA signature of " + raw.length + " bytes, expected " + 2 * fieldBytes);
        }
        return Functions.dsaSigPlainToX962(raw);
    }
}
