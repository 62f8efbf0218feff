package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation through the admin API, seen by openssl through the OCSP responder and the CRL, and the
 * responder's refusals (checklist D7: nonce, foreign CA, malformed requests).
 */
class RevocationIT {

    private static final String OCSP_REQUEST = "application/ocsp-request";

    @TempDir
    Path dir;

    private record Credential(CscClient signer, String id, byte[] certificate) {
    }

    private static Credential newCredential() {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        Sigillum.Reply info = signer.call("credentials/info", Sigillum.object().put("credentialID", id)
                .put("certificates", "single"));
        assertEquals(200, info.status(), info.body());
        byte[] der = Base64.getDecoder().decode(info.json().path("cert").path("certificates").get(0).asText());
        return new Credential(signer, id, der);
    }

    private static Sigillum.Reply revoke(Credential credential, String reason) {
        return Sigillum.operatorPost("/api/v1/users/" + credential.signer().userId + "/credentials/" + credential.id()
                + "/revoke", reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
    }

    private static OCSPReq request(X509CertificateHolder issuer, BigInteger serial, byte[] nonce) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), issuer, serial));
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        }
        return builder.build();
    }

    private static OCSPResp ocsp(byte[] request) throws Exception {
        Pki.Binary reply = Pki.post("/ocsp", OCSP_REQUEST, request);
        assertEquals(200, reply.status(), reply.asReply().body());
        assertEquals("application/ocsp-response", reply.contentType());
        return new OCSPResp(reply.body());
    }

    private static X509CertificateHolder issuing() throws Exception {
        return new X509CertificateHolder(Sigillum.getBytes("/ca/issuing.crt"));
    }

    private static long auditHead() {
        return Sigillum.operatorGet("/api/v1/audit/verify").json().get("headSeq").asLong();
    }

    @Test
    void opensslSeesGoodThenRevokedThroughOcspAndTheCrl() throws Exception {
        Credential credential = newCredential();
        ExternalTools.writeCaCertificates(dir);
        Files.writeString(dir.resolve("ee.pem"), ExternalTools.pem(credential.certificate()));
        String url = Sigillum.url("/ocsp");
        String[] ask = {"openssl", "ocsp", "-issuer", "issuing.pem", "-cert", "ee.pem", "-url", url, "-CAfile", "chain.pem", "-resp_text"};

        ExternalTools.Run good = ExternalTools.run(dir, ask);
        assertEquals(0, good.exit(), good.output());
        assertTrue(good.output().contains("Response verify OK"), good.output());
        assertTrue(good.output().contains("ee.pem: good"), good.output());
        assertFalse(good.output().contains("WARNING"), "openssl checked the nonce: " + good.output());
        assertTrue(good.output().contains("Next Update"), good.output());

        // an authorization made before the revocation must not be usable after it
        byte[] hash = CscClient.digest("SHA-256", "late".getBytes(StandardCharsets.UTF_8));
        String sad = credential.signer().sad(credential.id(), List.of(hash), CscClient.SHA256);

        long head = auditHead();
        Sigillum.Reply revoked = revoke(credential, "keyCompromise");
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals("revoked", revoked.json().get("status").asText());
        assertEquals("keyCompromise", revoked.json().get("reason").asText());
        String serial = revoked.json().get("serialNumber").asText();
        assertEquals(new X509CertificateHolder(credential.certificate()).getSerialNumber(), new BigInteger(serial, 16));

        ExternalTools.Run after = ExternalTools.run(dir, ask);
        assertTrue(after.output().contains("Response verify OK"), after.output());
        assertTrue(after.output().contains("ee.pem: revoked"), after.output());
        assertTrue(after.output().contains("Reason: keyCompromise"), after.output());

        Files.write(dir.resolve("issuing.crl"), Pki.get("/crl/issuing.crl").body());
        ExternalTools.Run crl = ExternalTools.run(dir, "openssl", "crl", "-inform", "DER", "-in", "issuing.crl", "-CAfile", "chain.pem", "-verify",
                "-noout", "-text");
        assertTrue(crl.output().contains("verify OK"), crl.output());
        assertTrue(crl.output().toLowerCase().replace(":", "").contains(serial), "serial " + serial + " in " + crl.output());
        assertTrue(crl.output().contains("Key Compromise"), crl.output());
        assertTrue(crl.output().contains("X509v3 CRL Number"), crl.output());

        ApiErrors.assertError(credential.signer().signHash(credential.id(), sad, List.of(hash), CscClient.SHA256,
                "1.2.840.10045.4.3.2"), 400, "invalid_request");
        Sigillum.Reply info = credential.signer().call("credentials/info", Sigillum.object()
                .put("credentialID", credential.id()));
        assertEquals("revoked", info.json().path("cert").path("status").asText(), info.body());
        assertEquals("disabled", info.json().path("key").path("status").asText(), info.body());

        JsonNode records = Sigillum.operatorGet("/api/v1/audit?from=" + (head + 1) + "&limit=100").json();
        boolean audited = false;
        for (JsonNode record : records) {
            audited |= "CREDENTIAL_REVOKED".equals(record.get("event").asText())
                    && credential.signer().userId.equals(record.path("userId").asText());
        }
        assertTrue(audited, records.toString());

        ApiErrors.assertError(revoke(credential, "keyCompromise"), 409, "conflict");
    }

    @Test
    void bothCrlsVerifyAndTheirNumbersGrowWithRevocations() throws Exception {
        ExternalTools.writeCaCertificates(dir);
        Files.write(dir.resolve("root.crl"), Pki.get("/crl/root.crl").body());
        ExternalTools.Run root = ExternalTools.run(dir, "openssl", "crl", "-inform", "DER", "-in", "root.crl", "-CAfile", "chain.pem", "-verify", "-noout",
                "-text");
        assertTrue(root.output().contains("verify OK"), root.output());
        assertTrue(root.output().contains("Sigillum Root CA"), root.output());

        BigInteger before = crlNumber(Pki.get("/crl/issuing.crl").body());
        assertEquals(200, revoke(newCredential(), null).status());
        assertTrue(crlNumber(Pki.get("/crl/issuing.crl").body()).compareTo(before) > 0);
    }

    private static BigInteger crlNumber(byte[] der) throws Exception {
        org.bouncycastle.cert.X509CRLHolder crl = new org.bouncycastle.cert.X509CRLHolder(der);
        return org.bouncycastle.asn1.x509.CRLNumber.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue())
                .getCRLNumber();
    }

    @Test
    void responseNonceEqualsTheRequestsAndGetWorksLikePost() throws Exception {
        Credential credential = newCredential();
        BigInteger serial = new X509CertificateHolder(credential.certificate()).getSerialNumber();
        byte[] nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);
        OCSPReq request = request(issuing(), serial, nonce);
        for (OCSPResp response : new OCSPResp[] {ocsp(request.getEncoded()), new OCSPResp(Pki.get("/ocsp/"
                + URLEncoder.encode(Base64.getEncoder().encodeToString(request.getEncoded()), StandardCharsets.UTF_8)).body())}) {
            assertEquals(OCSPRespBuilder.SUCCESSFUL, response.getStatus());
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing())));
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            assertNotNull(echoed, "no nonce in the response");
            assertEquals(request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue(), echoed.getExtnValue());
            assertEquals(null, basic.getResponses()[0].getCertStatus(), "good");
            assertTrue(basic.getResponses()[0].getNextUpdate().after(new Date()));
        }

        assertEquals(200, revoke(credential, "superseded").status());
        RevokedStatus revoked = (RevokedStatus) ((BasicOCSPResp) ocsp(request(issuing(), serial, null).getEncoded())
                .getResponseObject()).getResponses()[0].getCertStatus();
        assertEquals(CRLReason.superseded, revoked.getRevocationReason());
        assertTrue(revoked.getRevocationTime().toInstant().isAfter(Instant.now().minusSeconds(120)));
    }

    @Test
    void unknownSerialIsUnknownAndAnotherCasCertificateIsUnauthorized() throws Exception {
        BasicOCSPResp unknown = (BasicOCSPResp) ocsp(request(issuing(), BigInteger.valueOf(123456789), null).getEncoded())
                .getResponseObject();
        assertTrue(unknown.getResponses()[0].getCertStatus() instanceof UnknownStatus);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair key = generator.generateKeyPair();
        X500Name name = new X500Name("C=EU,O=Sigillum,CN=Sigillum Issuing CA");
        X509CertificateHolder impostor = new X509v3CertificateBuilder(name, BigInteger.ONE, new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L), name,
                SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
        Credential credential = newCredential();
        BigInteger serial = new X509CertificateHolder(credential.certificate()).getSerialNumber();
        assertEquals(OCSPRespBuilder.UNAUTHORIZED, ocsp(request(impostor, serial, null).getEncoded()).getStatus(),
                "same name, another key: not this responder's CA");
        assertEquals(OCSPRespBuilder.UNAUTHORIZED, ocsp(request(new X509CertificateHolder(
                Sigillum.getBytes("/ca/root.crt")), serial, null).getEncoded()).getStatus());
    }

    @Test
    void malformedRequestsGetMalformedRequestAndHugeOnesTheApiError() throws Exception {
        assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, ocsp("garbage".getBytes(StandardCharsets.UTF_8)).getStatus());
        assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, ocsp(new byte[0]).getStatus());
        Pki.Binary notBase64 = Pki.get("/ocsp/%25%25%25");
        assertEquals(200, notBase64.status());
        assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, new OCSPResp(notBase64.body()).getStatus());
        ApiErrors.assertError(Pki.post("/ocsp", OCSP_REQUEST, new byte[100_000]).asReply(), 413, "payload_too_large");
        ApiErrors.assertError(Pki.get("/crl/other.crl").asReply(), 404, "not_found");
    }

    @Test
    void revocationRefusesUnknownReasonsAndForeignCredentials() {
        Credential credential = newCredential();
        ApiErrors.assertError(revoke(credential, "certificateHold"), 400, "invalid_request");
        ApiErrors.assertError(revoke(credential, "nonsense\r\n"), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users/" + Sigillum.createUser() + "/credentials/"
                + credential.id() + "/revoke", "{}"), 404, "not_found");
        ApiErrors.assertError(Sigillum.post("/api/v1/users/" + credential.signer().userId + "/credentials/"
                + credential.id() + "/revoke", "application/json", "{}", credential.signer().token), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users/" + credential.signer().userId + "/credentials/"
                + credential.id() + "/revoke", "{\"reason\":"), 400, "invalid_request");
        assertEquals(200, revoke(credential, null).status(), "still revocable after the refusals");
    }
}
