package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * credentials/info and credentials/list as the CSC v2.0.0.2 text defines each field, which is how client models
 * (the EUDI library's among them) parse them: the curve as an OID, the serial number in hex, the validity as
 * GeneralizedTime, the certificate status from the specification's values. And the one read a credential-scope
 * token allows: the info of the credential it names.
 */
class CredentialInfoFieldsIT {

    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void everyFieldFollowsTheSpecificationText() throws Exception {
        CscClient signer = CscClient.newSigner();
        String ec = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-384\"}").get("credentialID").asText();
        String rsa = signer.newCredential("{\"keyAlgo\":\"RSA\",\"keyLength\":3072}").get("credentialID").asText();

        Sigillum.Reply reply = signer.call("credentials/info", Sigillum.object().put("credentialID", ec)
                .put("certificates", "chain").put("certInfo", true).put("authInfo", true));
        assertEquals(200, reply.status(), reply.body());
        JsonNode info = reply.json();
        assertFieldsOf(info, "1.3.132.0.34", 384);
        assertFalse(info.has("credentialID"), "credentials/info names no credentialID: " + info);

        JsonNode rsaInfo = signer.call("credentials/info", Sigillum.object().put("credentialID", rsa)).json();
        assertFalse(rsaInfo.get("key").has("curve"), rsaInfo.toString());
        assertEquals(3072, rsaInfo.get("key").get("len").asInt());
        assertTrue(InfoIT.texts(rsaInfo.get("key").get("algo")).contains("1.2.840.113549.1.1.1"));
        assertEquals(1, rsaInfo.get("cert").get("certificates").size(), "certificates defaults to single");
        assertFalse(rsaInfo.get("cert").has("serialNumber"), "certInfo defaults to false");

        JsonNode list = signer.call("credentials/list", Sigillum.object().put("credentialInfo", true)
                .put("certificates", "chain").put("certInfo", true).put("authInfo", true)).json();
        assertEquals(List.of(ec, rsa), InfoIT.texts(list.get("credentialIDs")));
        JsonNode entry = list.get("credentialInfos").get(0);
        assertEquals(ec, entry.get("credentialID").asText(), "each entry of credentialInfos names its credential");
        assertFieldsOf(entry, "1.3.132.0.34", 384);
    }

    private static void assertFieldsOf(JsonNode info, String curveOid, int bits) throws Exception {
        JsonNode key = info.get("key");
        assertEquals("enabled", key.get("status").asText());
        assertEquals(curveOid, key.get("curve").asText(), "key/curve is the curve's OID");
        assertEquals(bits, key.get("len").asInt());
        for (String oid : InfoIT.texts(key.get("algo"))) {
            assertTrue(oid.matches("[0-2](\\.\\d+)+"), "key/algo holds OIDs: " + oid);
        }
        JsonNode cert = info.get("cert");
        assertEquals("valid", cert.get("status").asText());
        assertTrue(cert.get("certificates").size() >= 2, "chain: end entity first, then its CAs");
        X509Certificate endEntity = parse(cert.get("certificates").get(0).asText());
        X509Certificate issuer = parse(cert.get("certificates").get(1).asText());
        assertEquals(endEntity.getIssuerX500Principal(), issuer.getSubjectX500Principal(), "end entity first");
        assertEquals(endEntity.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), cert.get("serialNumber").asText(),
                "serialNumber in hex");
        assertEquals(GENERALIZED_TIME.format(endEntity.getNotBefore().toInstant()), cert.get("validFrom").asText());
        assertEquals(GENERALIZED_TIME.format(endEntity.getNotAfter().toInstant()), cert.get("validTo").asText());
        assertEquals(endEntity.getSubjectX500Principal().getName(), cert.get("subjectDN").asText());
        assertEquals(endEntity.getIssuerX500Principal().getName(), cert.get("issuerDN").asText());
        JsonNode auth = info.get("auth");
        assertEquals("explicit", auth.get("mode").asText());
        assertEquals("PIN", auth.get("expression").asText());
        JsonNode pin = auth.get("objects").get(0);
        assertEquals("Password", pin.get("type").asText());
        assertEquals("PIN", pin.get("id").asText());
        assertEquals("N", pin.get("format").asText());
        assertTrue(List.of("1", "2").contains(info.get("SCAL").asText()));
        assertTrue(info.get("multisign").asInt() >= 1);
    }

    private static X509Certificate parse(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void c5ACredentialTokenReadsTheInfoOfItsOwnCredentialAndNothingElse() throws Exception {
        OAuthFlowIT.Signer signer = OAuthFlowIT.Signer.create();
        String credentialId = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        String otherCredential = signer.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        byte[] data = Signatures.randomData();
        byte[] hash = Signatures.sha256(data);
        String token = signer.credentialTokens(Map.of("scope", "credential", "credentialID", credentialId,
                "numSignatures", "1", "hashAlgorithmOID", CscClient.SHA256, "hashes", OAuthFlowIT.base64url(hash)))
                .get("access_token").asText();

        Sigillum.Reply own = Sigillum.post("/csc/v2/credentials/info", "application/json",
                Sigillum.object().put("credentialID", credentialId).put("certificates", "chain").toString(), token);
        assertEquals(200, own.status(), own.body());
        X509Certificate certificate = parse(own.json().get("cert").get("certificates").get(0).asText());

        ApiErrors.assertError(Sigillum.post("/csc/v2/credentials/info", "application/json",
                Sigillum.object().put("credentialID", otherCredential).toString(), token), 403, "insufficient_scope");
        ApiErrors.assertError(Sigillum.post("/csc/v2/credentials/list", "application/json", "{}", token), 403,
                "insufficient_scope");
        ApiErrors.assertError(Sigillum.post("/csc/v2/credentials/authorize", "application/json",
                Sigillum.object().put("credentialID", credentialId).put("numSignatures", 1).toString(), token),
                403, "insufficient_scope");

        // the read spent nothing: the token still signs, and the signature verifies with the certificate read
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json",
                OAuthFlowIT.signRequest(credentialId, List.of(hash), "1.2.840.10045.4.3.2", null).toString(), token);
        assertEquals(200, signed.status(), signed.body());
        assertTrue(Signatures.verify(certificate.getPublicKey(), "1.2.840.10045.4.3.2", data,
                signed.json().get("signatures").get(0).asText()));
    }
}
