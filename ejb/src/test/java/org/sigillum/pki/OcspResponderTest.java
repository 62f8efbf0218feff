package org.sigillum.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

class OcspResponderTest {

    private final TestPki pki = new TestPki();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<BigInteger, CertificateState> register = Map.of(
            BigInteger.valueOf(1), CertificateState.GOOD,
            BigInteger.valueOf(2), CertificateState.revoked(now.minusSeconds(30), CRLReason.keyCompromise));

    private OCSPResp ask(X509CertificateHolder issuer, BigInteger serial, byte[] nonce) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), issuer, serial));
        if (nonce != null) {
            // RFC 8954: the extension's value is the DER of an OCTET STRING holding the nonce
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        }
        OCSPReq request = builder.build();
        return new OCSPResp(respond(request.getEncoded()));
    }

    private byte[] respond(byte[] request) throws Exception {
        return new OcspResponder(pki.ca).respond(request, s -> register.getOrDefault(s, CertificateState.UNKNOWN),
                () -> TestPki.signer(pki.caKey), now);
    }

    private SingleResp single(OCSPResp response) throws Exception {
        assertEquals(OCSPRespBuilder.SUCCESSFUL, response.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pki.ca)));
        SingleResp single = basic.getResponses()[0];
        assertEquals(now, single.getThisUpdate().toInstant());
        assertEquals(now.plus(OcspResponder.VALIDITY), single.getNextUpdate().toInstant());
        return single;
    }

    @Test
    void goodRevokedAndUnknownWithTheNonceEchoed() throws Exception {
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};
        OCSPResp good = ask(pki.ca, BigInteger.ONE, nonce);
        assertNull(single(good).getCertStatus());
        Extension echoed = ((BasicOCSPResp) good.getResponseObject()).getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        assertNotNull(echoed);
        assertEquals(new DEROctetString(nonce), echoed.getParsedValue());

        RevokedStatus revoked = (RevokedStatus) single(ask(pki.ca, BigInteger.TWO, null)).getCertStatus();
        assertEquals(now.minusSeconds(30), revoked.getRevocationTime().toInstant());
        assertEquals(CRLReason.keyCompromise, revoked.getRevocationReason());
        assertNull(((BasicOCSPResp) ask(pki.ca, BigInteger.TWO, null).getResponseObject())
                .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));

        assertTrue(single(ask(pki.ca, BigInteger.TEN, null)).getCertStatus() instanceof UnknownStatus);
    }

    @Test
    void anotherIssuersCertificateIsUnauthorized() throws Exception {
        TestPki other = new TestPki();
        assertEquals(OCSPRespBuilder.UNAUTHORIZED, ask(other.ca, BigInteger.ONE, null).getStatus());
    }

    @Test
    void garbageIsMalformed() throws Exception {
        assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, new OCSPResp(respond("garbage".getBytes())).getStatus());
        assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, new OCSPResp(respond(new byte[0])).getStatus());
    }
}
