package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key lifecycle (issue 13): a suspended credential signs nothing and its certificate is on hold (certificateHold)
 * in OCSP and in the CRL at once, as openssl sees them; resumed, it is good again in both and signs.
 */
class SuspendResumeIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";

    @TempDir
    Path dir;

    @Test
    void suspendPutsTheCertificateOnHoldInOcspAndTheCrlAndResumeLiftsIt() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        Sigillum.Reply info = signer.call("credentials/info", Sigillum.object().put("credentialID", id)
                .put("certificates", "single"));
        assertEquals(200, info.status(), info.body());
        byte[] der = Base64.getDecoder().decode(info.json().path("cert").path("certificates").get(0).asText());
        String serial = new X509CertificateHolder(der).getSerialNumber().toString(16);
        ExternalTools.writeCaCertificates(dir);
        Files.writeString(dir.resolve("ee.pem"), ExternalTools.pem(der));
        String[] ask = {"openssl", "ocsp", "-issuer", "issuing.pem", "-cert", "ee.pem", "-url", Sigillum.url("/ocsp"),
                "-CAfile", "chain.pem", "-resp_text"};
        String path = "/api/v1/users/" + signer.userId + "/credentials/" + id;
        byte[] hash = Signatures.sha256(Signatures.randomData());
        String sadBefore = signer.sad(id, List.of(hash), CscClient.SHA256);

        Sigillum.Reply suspended = Sigillum.operatorPost(path + "/suspend", "{}");
        assertEquals(200, suspended.status(), suspended.body());
        assertEquals("suspended", signer.call("credentials/info", Sigillum.object().put("credentialID", id)).json()
                .path("cert").path("status").asText());
        assertEquals("suspended", suspended.json().get("status").asText());
        ExternalTools.Run held = ExternalTools.run(dir, ask);
        assertTrue(held.output().contains("Response verify OK"), held.output());
        assertTrue(held.output().contains("ee.pem: revoked"), held.output());
        assertTrue(held.output().contains("Reason: certificateHold"), held.output());
        assertTrue(crl().contains(serial), crl());
        assertTrue(crl().contains("Certificate Hold"), crl());
        ApiErrors.assertError(signer.signHash(id, sadBefore, List.of(hash), CscClient.SHA256, ECDSA_SHA256), 400,
                "invalid_request", "A11");
        ApiErrors.assertError(Sigillum.operatorPost(path + "/suspend", "{}"), 409, "conflict");

        Sigillum.Reply resumed = Sigillum.operatorPost(path + "/resume", "{}");
        assertEquals(200, resumed.status(), resumed.body());
        ExternalTools.Run good = ExternalTools.run(dir, ask);
        assertTrue(good.output().contains("Response verify OK"), good.output());
        assertTrue(good.output().contains("ee.pem: good"), good.output());
        assertFalse(crl().contains(serial), crl());
        assertEquals(200, signer.signHash(id, signer.sad(id, List.of(hash), CscClient.SHA256), List.of(hash),
                CscClient.SHA256, ECDSA_SHA256).status());
        ApiErrors.assertError(Sigillum.operatorPost(path + "/resume", "{}"), 409, "conflict");

        // a suspended credential can still be revoked for good
        assertEquals(200, Sigillum.operatorPost(path + "/suspend", "{}").status());
        Sigillum.Reply revoked = Sigillum.operatorPost(path + "/revoke", "{\"reason\":\"keyCompromise\"}");
        assertEquals(200, revoked.status(), revoked.body());
        assertTrue(ExternalTools.run(dir, ask).output().contains("Reason: keyCompromise"));
        ApiErrors.assertError(Sigillum.operatorPost(path + "/resume", "{}"), 409, "conflict");
        assertEquals(new BigInteger(serial, 16), new BigInteger(revoked.json().get("serialNumber").asText(), 16));

        // the credential's history, newest first
        List<String> events = new java.util.ArrayList<>();
        for (var record : Sigillum.operatorGet("/api/v1/users/" + signer.userId + "/activity?credentialId=" + id).json()) {
            assertEquals(id, record.get("credentialId").asText());
            events.add(record.get("event").asText());
        }
        assertEquals("CREDENTIAL_REVOKED", events.get(0), events.toString());
        assertEquals(List.of("CREDENTIAL_REVOKED", "CREDENTIAL_SUSPENDED", "SIGNED", "AUTHORIZED", "CREDENTIAL_RESUMED"),
                events.stream().filter(e -> !e.endsWith("REFUSED")).toList().subList(0, 5), events.toString());
        assertTrue(events.contains("CREDENTIAL_CREATED"), events.toString());
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/users/" + java.util.UUID.randomUUID() + "/activity"), 404,
                "not_found");
    }

    /** The issuing CA's current CRL as openssl prints it, serials in lowercase hex without colons. */
    private String crl() throws Exception {
        Files.write(dir.resolve("issuing.crl"), Pki.get("/crl/issuing.crl").body());
        ExternalTools.Run crl = ExternalTools.run(dir, "openssl", "crl", "-inform", "DER", "-in", "issuing.crl",
                "-CAfile", "chain.pem", "-verify", "-noout", "-text");
        assertTrue(crl.output().contains("verify OK"), crl.output());
        return crl.output().replace(":", "").toLowerCase().replace("certificate hold", "Certificate Hold");
    }
}
