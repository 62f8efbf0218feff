package org.sigillum.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
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

    @Test
    void pssParamsAreReadFromDer() throws Exception {
        String params = pssParams(NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha256, 20);
        assertEquals(new SignatureScheme.RsaPss(DigestAlgorithm.SHA384, DigestAlgorithm.SHA256, 20),
                SignatureSchemes.fromCsc("1.2.840.113549.1.1.10", null, params));
    }

    @Test
    void pssParamsThatContradictTheHashOrAreMalformedAreRefused() throws Exception {
        String sha384 = pssParams(NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha384, 48);
        assertThrows(ServiceException.class, () -> SignatureSchemes.fromCsc("1.2.840.113549.1.1.10", SHA256, sha384));
        ASN1ObjectIdentifier sha1Oid = new ASN1ObjectIdentifier("1.3.14.3.2.26");
        String sha1 = pssParams(sha1Oid, sha1Oid, 20);
        assertThrows(ServiceException.class, () -> SignatureSchemes.fromCsc("1.2.840.113549.1.1.10", null, sha1));
        for (String junk : new String[] {"not base64!", "AAAA", java.util.Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05})}) {
            assertThrows(ServiceException.class, () -> SignatureSchemes.fromCsc("1.2.840.113549.1.1.10", null, junk), junk);
        }
    }

    private static String pssParams(org.bouncycastle.asn1.ASN1ObjectIdentifier hash,
                                    org.bouncycastle.asn1.ASN1ObjectIdentifier mgfHash, int salt) throws Exception {
        AlgorithmIdentifier hashId = new AlgorithmIdentifier(hash, DERNull.INSTANCE);
        AlgorithmIdentifier mgf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1,
                new AlgorithmIdentifier(mgfHash, DERNull.INSTANCE));
        return java.util.Base64.getEncoder().encodeToString(new RSASSAPSSparams(hashId, mgf, new ASN1Integer(salt),
                new ASN1Integer(1)).getEncoded());
    }
}
