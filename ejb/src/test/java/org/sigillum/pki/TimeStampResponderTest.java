package org.sigillum.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

class TimeStampResponderTest {

    private static final String POLICY = TimeStampAuthorityBean.DEFAULT_POLICY;
    private final TestPki pki = new TestPki();
    private final TimeStampResponder responder = new TimeStampResponder(POLICY, 1);

    private TimeStampResponse respond(TimeStampRequest request) throws Exception {
        return new TimeStampResponse(responder.respond(request, TestPki.signer(pki.tsaKey), pki.tsa, List.of(pki.ca),
                BigInteger.valueOf(42), new Date()));
    }

    private static TimeStampRequest request(ASN1ObjectIdentifier algorithm, byte[] hash, BigInteger nonce, boolean certReq) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(certReq);
        return generator.generate(algorithm, hash, nonce);
    }

    @Test
    void grantsASha256RequestWithNonceAccuracyPolicyAndCertificates() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("hello".getBytes());
        TimeStampRequest request = request(NISTObjectIdentifiers.id_sha256, hash, BigInteger.valueOf(123456789), true);
        TimeStampResponse response = respond(request);
        assertEquals(PKIStatus.GRANTED, response.getStatus());
        response.validate(request);
        TimeStampToken token = response.getTimeStampToken();
        assertEquals(BigInteger.valueOf(123456789), token.getTimeStampInfo().getNonce());
        assertEquals(new ASN1ObjectIdentifier(POLICY), token.getTimeStampInfo().getPolicy());
        assertArrayEquals(hash, token.getTimeStampInfo().getMessageImprintDigest());
        assertNotNull(token.getTimeStampInfo().getAccuracy());
        assertEquals(2, token.getCertificates().getMatches(null).size(), "TSA certificate and its CA");
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsa));
    }

    @Test
    void leavesCertificatesOutWithoutCertReq() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-512").digest("hello".getBytes());
        TimeStampResponse response = respond(request(NISTObjectIdentifiers.id_sha512, hash, null, false));
        assertEquals(PKIStatus.GRANTED, response.getStatus());
        assertTrue(response.getTimeStampToken().getCertificates().getMatches(null).isEmpty());
        assertNull(response.getTimeStampToken().getTimeStampInfo().getNonce());
    }

    @Test
    void rejectsSha1WithBadAlg() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-1").digest("hello".getBytes());
        TimeStampResponse response = respond(request(OIWObjectIdentifiers.idSHA1, hash, BigInteger.ONE, true));
        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertEquals(PKIFailureInfo.badAlg, response.getFailInfo().intValue());
        assertNull(response.getTimeStampToken());
    }

    @Test
    void rejectsAnImprintOfTheWrongLength() throws Exception {
        TimeStampResponse response = respond(request(NISTObjectIdentifiers.id_sha256, new byte[20], BigInteger.ONE, true));
        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertEquals(PKIFailureInfo.badDataFormat, response.getFailInfo().intValue());
    }

    @Test
    void rejectsAnotherPolicy() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setReqPolicy(new ASN1ObjectIdentifier("1.2.3.4"));
        TimeStampResponse response = respond(generator.generate(NISTObjectIdentifiers.id_sha256, new byte[32]));
        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertEquals(PKIFailureInfo.unacceptedPolicy, response.getFailInfo().intValue());
    }

    @Test
    void garbageDoesNotParseAndGetsBadDataFormat() throws Exception {
        assertNull(TimeStampResponder.parse("not DER at all".getBytes()));
        assertNull(TimeStampResponder.parse(new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f}));
        TimeStampResponse response = new TimeStampResponse(TimeStampResponder.rejection(PKIFailureInfo.badDataFormat, "no"));
        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertEquals(PKIFailureInfo.badDataFormat, response.getFailInfo().intValue());
    }
}
