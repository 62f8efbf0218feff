package org.sigillum.csc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CredentialInfosTest {

    @Test
    void theCurveIsGivenAsItsOid() {
        assertEquals("1.2.840.10045.3.1.7", CredentialInfos.curveOid("P-256"));
        assertEquals("1.3.132.0.34", CredentialInfos.curveOid("P-384"));
        assertEquals("1.3.132.0.35", CredentialInfos.curveOid("P-521"));
    }
}
