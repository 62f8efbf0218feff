package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in RFC 3161 TSA at /tsa and CSC signatures/timestamp, checked by openssl ts (checklist D7). */
class TimeStampAuthorityIT {

    private static final String QUERY = "application/timestamp-query";

    @TempDir
    Path dir;

    private TimeStampResponse stamp(byte[] request) throws Exception {
        Pki.Binary reply = Pki.post("/tsa", QUERY, request);
        assertEquals(200, reply.status(), reply.asReply().body());
        assertEquals("application/timestamp-reply", reply.contentType());
        return new TimeStampResponse(reply.body());
    }

    @Test
    void opensslAcceptsTokensForDataAndForDigests() throws Exception {
        ExternalTools.writeCaCertificates(dir);
        Files.writeString(dir.resolve("data.txt"), "what was signed");
        for (String digest : new String[] {"-sha256", "-sha384", "-sha512"}) {
            ExternalTools.Run query = ExternalTools.run(dir, "openssl", "ts", "-query", "-data", "data.txt", digest, "-cert", "-out", "req.tsq");
            assertEquals(0, query.exit(), query.output());
            Pki.Binary reply = Pki.post("/tsa", QUERY, Files.readAllBytes(dir.resolve("req.tsq")));
            assertEquals(200, reply.status());
            Files.write(dir.resolve("reply.tsr"), reply.body());

            ExternalTools.Run text = ExternalTools.run(dir, "openssl", "ts", "-reply", "-in", "reply.tsr", "-text");
            assertEquals(0, text.exit(), text.output());
            assertTrue(text.output().contains("Status: Granted."), text.output());
            assertTrue(text.output().contains("2.25.289314744165055727315510854504191232832.1.1"), text.output());
            assertTrue(text.output().matches("(?s).*Accuracy: 0x01 seconds.*"), text.output());

            ExternalTools.Run byData = ExternalTools.run(dir, "openssl", "ts", "-verify", "-data", "data.txt", "-in", "reply.tsr",
                    "-CAfile", "chain.pem", "-untrusted", "tsa.pem");
            assertTrue(byData.output().contains("Verification: OK"), byData.output());
            // the query file makes openssl compare imprint and nonce with the request's
            ExternalTools.Run byQuery = ExternalTools.run(dir, "openssl", "ts", "-verify", "-queryfile", "req.tsq", "-in", "reply.tsr",
                    "-CAfile", "chain.pem", "-untrusted", "tsa.pem");
            assertTrue(byQuery.output().contains("Verification: OK"), byQuery.output());
        }
        String hex = HexFormat.of().formatHex(CscClient.digest("SHA-256", "what was signed".getBytes(StandardCharsets.UTF_8)));
        ExternalTools.Run query = ExternalTools.run(dir, "openssl", "ts", "-query", "-digest", hex, "-sha256", "-no_nonce", "-out", "req.tsq");
        assertEquals(0, query.exit(), query.output());
        Files.write(dir.resolve("reply.tsr"), Pki.post("/tsa", QUERY, Files.readAllBytes(dir.resolve("req.tsq"))).body());
        ExternalTools.Run byDigest = ExternalTools.run(dir, "openssl", "ts", "-verify", "-digest", hex, "-in", "reply.tsr", "-CAfile", "chain.pem",
                "-untrusted", "tsa.pem");
        assertTrue(byDigest.output().contains("Verification: OK"), byDigest.output());
    }

    @Test
    void nonceIsEchoedAndCertificatesComeOnlyWhenAskedFor() throws Exception {
        byte[] hash = CscClient.digest("SHA-256", "nonce".getBytes(StandardCharsets.UTF_8));
        BigInteger nonce = new BigInteger(96, new java.security.SecureRandom());
        TimeStampRequestGenerator withCerts = new TimeStampRequestGenerator();
        withCerts.setCertReq(true);
        TimeStampRequest request = withCerts.generate(NISTObjectIdentifiers.id_sha256, hash, nonce);
        TimeStampResponse response = stamp(request.getEncoded());
        response.validate(request);
        TimeStampToken token = response.getTimeStampToken();
        assertEquals(nonce, token.getTimeStampInfo().getNonce());
        assertArrayEquals(hash, token.getTimeStampInfo().getMessageImprintDigest());
        assertTrue(token.getCertificates().getMatches(null).size() >= 1);

        TimeStampResponse bare = stamp(new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha256, hash).getEncoded());
        assertTrue(bare.getTimeStampToken().getCertificates().getMatches(null).isEmpty());
        assertTrue(!bare.getTimeStampToken().getTimeStampInfo().getSerialNumber()
                .equals(token.getTimeStampInfo().getSerialNumber()), "serial numbers are unique");
    }

    @Test
    void sha1ImprintIsRejectedWithBadAlg() throws Exception {
        Files.writeString(dir.resolve("data.txt"), "old");
        ExternalTools.Run query = ExternalTools.run(dir, "openssl", "ts", "-query", "-data", "data.txt", "-sha1", "-out", "req.tsq");
        assertEquals(0, query.exit(), query.output());
        TimeStampResponse response = stamp(Files.readAllBytes(dir.resolve("req.tsq")));
        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertEquals(PKIFailureInfo.badAlg, response.getFailInfo().intValue());
        assertNull(response.getTimeStampToken());
    }

    @Test
    void garbageAndWrongImprintLengthAreRejectedWithBadDataFormat() throws Exception {
        for (byte[] request : new byte[][] {"garbage".getBytes(StandardCharsets.UTF_8), new byte[0],
                new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f, 0x02, 0x01, 0x01},
                new TimeStampRequestGenerator().generate(NISTObjectIdentifiers.id_sha512, new byte[32]).getEncoded()}) {
            TimeStampResponse response = stamp(request);
            assertEquals(PKIStatus.REJECTION, response.getStatus());
            assertEquals(PKIFailureInfo.badDataFormat, response.getFailInfo().intValue());
        }
    }

    @Test
    void hugeBodyAndWrongContentTypeGetTheApiError() {
        ApiErrors.assertError(Pki.post("/tsa", QUERY, new byte[100_000]).asReply(), 413, "payload_too_large");
        ApiErrors.assertError(Pki.post("/tsa", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).asReply(),
                415, "invalid_request");
    }

    @Test
    void cscTimestampReturnsATokenOverTheHashWithTheNonce() throws Exception {
        CscClient signer = CscClient.newSigner();
        byte[] hash = CscClient.digest("SHA-384", "document".getBytes(StandardCharsets.UTF_8));
        ObjectNode body = Sigillum.object().put("hash", Base64.getEncoder().encodeToString(hash))
                .put("hashAlgorithmOID", CscClient.SHA384).put("nonce", "0a1b2c3d4e5f60718293");
        Sigillum.Reply reply = signer.call("signatures/timestamp", body);
        assertEquals(200, reply.status(), reply.body());
        byte[] der = Base64.getDecoder().decode(reply.json().get("timestamp").asText());
        TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
        assertEquals(new BigInteger("0a1b2c3d4e5f60718293", 16), token.getTimeStampInfo().getNonce());
        assertArrayEquals(hash, token.getTimeStampInfo().getMessageImprintDigest());

        ExternalTools.writeCaCertificates(dir);
        Files.write(dir.resolve("token.der"), der);
        ExternalTools.Run verify = ExternalTools.run(dir, "openssl", "ts", "-verify", "-digest", HexFormat.of().formatHex(hash), "-in", "token.der",
                "-token_in", "-CAfile", "chain.pem", "-untrusted", "tsa.pem");
        assertTrue(verify.output().contains("Verification: OK"), verify.output());
    }

    @Test
    void cscTimestampRefusesWeakOrMalformedInputAndMissingTokens() {
        CscClient signer = CscClient.newSigner();
        ApiErrors.assertError(signer.call("signatures/timestamp", Sigillum.object().put("hash",
                Base64.getEncoder().encodeToString(new byte[20])).put("hashAlgorithmOID", "1.3.14.3.2.26")), 400, "invalid_request");
        ApiErrors.assertError(signer.call("signatures/timestamp", Sigillum.object().put("hash", "not base64!")
                .put("hashAlgorithmOID", CscClient.SHA256)), 400, "invalid_request");
        ApiErrors.assertError(signer.call("signatures/timestamp", Sigillum.object().put("hash",
                Base64.getEncoder().encodeToString(new byte[31])).put("hashAlgorithmOID", CscClient.SHA256)), 400, "invalid_request");
        ApiErrors.assertError(signer.call("signatures/timestamp", Sigillum.object().put("hash",
                Base64.getEncoder().encodeToString(new byte[32])).put("hashAlgorithmOID", CscClient.SHA256)
                .put("nonce", "xyz")), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.post("/csc/v2/signatures/timestamp", "application/json", "{}", null), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.post("/csc/v2/signatures/timestamp", "application/json", "{}",
                Sigillum.operatorToken()), 401, "invalid_token");
    }
}
