package org.sigillum.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.SignatureScheme;

class SignatureSchemesTest {

    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    private static final String SHA1 = "1.3.14.3.2.26";

    @Test
    void rsaEncryptionTakesTheHashFromHashAlgorithmOid() throws ServiceException {
        assertEquals(new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256),
                SignatureSchemes.fromCsc("1.2.840.113549.1.1.1", SHA256, null));
    }

    @Test
    void ecdsaWithSha384() throws ServiceException {
        assertEquals(new SignatureScheme.Ecdsa(DigestAlgorithm.SHA384),
                SignatureSchemes.fromCsc("1.2.840.10045.4.3.3", null, null));
    }

    @Test
    void pssUsesTheHashForMgfAndSalt() throws ServiceException {
        assertEquals(new SignatureScheme.RsaPss(DigestAlgorithm.SHA512, DigestAlgorithm.SHA512, 64),
                SignatureSchemes.fromCsc("1.2.840.113549.1.1.10", "2.16.840.1.101.3.4.2.3", null));
    }

    @Test
    void b4Sha1IsRefused() {
        ServiceException e = assertThrows(ServiceException.class,
                () -> SignatureSchemes.fromCsc("1.2.840.113549.1.1.1", SHA1, null));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    }

    @Test
    void a6HashThatContradictsTheSignatureAlgorithmIsRefused() {
        assertThrows(ServiceException.class,
                () -> SignatureSchemes.fromCsc("1.2.840.113549.1.1.13", SHA256, null));
    }

    @Test
    void rsaEncryptionWithoutHashIsRefused() {
        assertThrows(ServiceException.class, () -> SignatureSchemes.fromCsc("1.2.840.113549.1.1.1", null, null));
    }

    @Test
    void unknownAlgorithmIsRefused() {
        assertThrows(ServiceException.class, () -> SignatureSchemes.fromCsc("1.2.3.4", SHA256, null));
    }
}
