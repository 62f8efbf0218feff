package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

/**
 * Checklist D6 and G3: deeply nested indefinite-length BER sent to the unauthenticated DER endpoints gets the
 * protocol's own malformed-request answer, not a 500 from a stack overflow, and the node keeps serving. The
 * server this was found on overflowed its stack in the ASN.1 parser.
 */
class BerNestingIT {

    /** {@code 30 80} (SEQUENCE, indefinite length) {@code levels} times, closed properly: valid BER, absurdly deep. */
    static byte[] nested(int levels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < levels; i++) {
            out.write(0x30);
            out.write(0x80);
        }
        for (int i = 0; i < levels; i++) {
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    @Test
    void d6g3DeeplyNestedBerToTheTsaIsRejectedAsBadDataFormat() throws Exception {
        for (byte[] request : new byte[][] {nested(15_000), open(30_000)}) {
            Pki.Binary reply = Pki.post("/tsa", "application/timestamp-query", request);
            assertEquals(200, reply.status(), reply.asReply().body());
            TimeStampResponse response = new TimeStampResponse(reply.body());
            assertEquals(PKIStatus.REJECTION, response.getStatus());
            assertEquals(PKIFailureInfo.badDataFormat, response.getFailInfo().intValue());
            assertNull(response.getTimeStampToken());
        }
        byte[] good = new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256, new byte[32]).getEncoded();
        TimeStampResponse granted = new TimeStampResponse(Pki.post("/tsa", "application/timestamp-query", good).body());
        assertEquals(PKIStatus.GRANTED, granted.getStatus(), "the TSA still works afterwards");
    }

    @Test
    void d6g3DeeplyNestedBerToTheOcspResponderIsAMalformedRequest() throws Exception {
        for (byte[] request : new byte[][] {nested(15_000), open(30_000)}) {
            Pki.Binary reply = Pki.post("/ocsp", "application/ocsp-request", request);
            assertEquals(200, reply.status(), reply.asReply().body());
            assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, new OCSPResp(reply.body()).getStatus());
        }
        String viaGet = Base64.getUrlEncoder().withoutPadding().encodeToString(open(1_500));
        Pki.Binary reply = Pki.get("/ocsp/" + viaGet);
        assertEquals(200, reply.status(), reply.asReply().body());
        assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, new OCSPResp(reply.body()).getStatus());
        assertEquals(200, Sigillum.get("/health/ready", null).status());
    }

    @Test
    void d6DeeplyNestedTrustAnchorIsAnInvalidRequest() {
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/trust-anchors", Sigillum.object()
                .put("certificate", Base64.getEncoder().encodeToString(nested(15_000)))), 400, "invalid_request");
    }

    @Test
    void d6DeeplyNestedCmsToValidationAndExtensionIsAnInvalidRequest() {
        String deep = Base64.getEncoder().encodeToString(nested(15_000));
        ApiErrors.assertError(Sigillum.post("/api/v1/signatures/validate", "application/json",
                Sigillum.object().put("signedDocument", deep).toString(), Sigillum.operatorToken()), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.post("/api/v1/signatures/extend", "application/json",
                Sigillum.object().put("signedDocument", deep).put("conformance_level", "AdES-B-T").toString(),
                Sigillum.operatorToken()), 400, "invalid_request");
    }

    /** Headers only, never closed: what an attacker sends to make a recursive parser dive as deep as the bytes allow. */
    private static byte[] open(int levels) {
        byte[] out = new byte[2 * levels];
        for (int i = 0; i < out.length; i += 2) {
            out[i] = 0x30;
            out[i + 1] = (byte) 0x80;
        }
        return out;
    }
}
