package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Levels T, LT and LTA with the built-in TSA, OCSP responder and CRLs: signed at those levels directly, or raised
 * later through the signature update API, and an archive time-stamp added again to an LTA signature.
 */
class SignatureLevelsIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    private static JsonNode signature(JsonNode validation) {
        return validation.get("signatures").get(0);
    }

    @Test
    void padesAtEveryLevelPassesAndPdfsigAgrees() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        for (String[] level : new String[][] {{"Ades-B-T", "PAdES-BASELINE-T"}, {"Ades-B-LT", "PAdES-BASELINE-LT"},
            {"Ades-B-LTA", "PAdES-BASELINE-LTA"}}) {
            byte[] signed = signer.sign(TestDocuments.pdf("Level " + level[0]), "P", "Revision", ECDSA_SHA256, level[0]);
            JsonNode outcome = signature(SignatureValidationIT.validate(signed, null));
            assertEquals("TOTAL_PASSED", outcome.get("indication").asText(), outcome.toString());
            assertEquals(level[1], outcome.get("format").asText());
            Path dir = ExternalTools.workspaceWithCaCertificates();
            Files.write(dir.resolve("signed.pdf"), signed);
            ExternalTools.Run pdfsig = ExternalTools.run(dir, "pdfsig", "signed.pdf");
            assertTrue(pdfsig.output().contains("Signature is Valid."), pdfsig.output());
        }
    }

    @Test
    void xadesCadesAndJadesAtLtPassAndTheCmsStillVerifiesWithOpenssl() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        JsonNode xades = signature(SignatureValidationIT.validate(signer.sign(TestDocuments.xml("LT"), "X", "Enveloped",
                ECDSA_SHA256, "Ades-B-LT"), null));
        assertEquals("TOTAL_PASSED", xades.get("indication").asText(), xades.toString());
        assertEquals("XAdES-BASELINE-LT", xades.get("format").asText());

        byte[] data = Signatures.randomData();
        byte[] cms = signer.sign(data, "C", "Attached", ECDSA_SHA256, "Ades-B-T");
        JsonNode cades = signature(SignatureValidationIT.validate(cms, null));
        assertEquals("TOTAL_PASSED", cades.get("indication").asText(), cades.toString());
        assertEquals("CAdES-BASELINE-T", cades.get("format").asText());
        Path dir = ExternalTools.workspaceWithCaCertificates();
        Files.write(dir.resolve("t.p7m"), cms);
        ExternalTools.Run verify = ExternalTools.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", "t.p7m", "-CAfile", "chain.pem", "-purpose", "any", "-out", "/dev/null");
        assertEquals(0, verify.exit(), verify.output());
        ExternalTools.Run print = ExternalTools.run(dir, "openssl", "cms", "-cmsout", "-print", "-inform", "DER",
                "-in", "t.p7m");
        assertTrue(print.output().contains("id-smime-aa-timeStampToken"), "the signature carries a time-stamp token");

        JsonNode jades = signature(SignatureValidationIT.validate(signer.sign("{\"t\":1}".getBytes(StandardCharsets.UTF_8),
                "J", "Attached", ECDSA_SHA256, "Ades-B-T"), null));
        assertEquals("TOTAL_PASSED", jades.get("indication").asText(), jades.toString());
        assertEquals("JAdES-BASELINE-T", jades.get("format").asText());
    }

    @Test
    void updateRaisesBToLtaAndAddsArchiveTimestampsAgain() throws Exception {
        byte[] data = Signatures.randomData();
        byte[] signed = DocumentSigner.create(EC).sign(data, "C", "Detached", ECDSA_SHA256);
        JsonNode lta = extend(signed, data, "C", "Ades-B-LTA");
        assertEquals("CAdES-BASELINE-LTA", lta.get("level").asText().replace('_', '-'));
        byte[] ltaSignature = Base64.getDecoder().decode(lta.get("signedDocument").asText());
        JsonNode first = SignatureValidationIT.validate(ltaSignature, data);
        assertEquals("TOTAL_PASSED", signature(first).get("indication").asText(), signature(first).toString());
        assertEquals("CAdES-BASELINE-LTA", signature(first).get("format").asText());

        byte[] again = Base64.getDecoder().decode(extend(ltaSignature, data, "C", "Ades-B-LTA").get("signedDocument").asText());
        JsonNode second = SignatureValidationIT.validate(again, data);
        assertEquals("TOTAL_PASSED", signature(second).get("indication").asText());
        assertTrue(archiveTimestamps(second) > archiveTimestamps(first),
                "a second LTA update adds an archive time-stamp: " + archiveTimestamps(first) + " then " + archiveTimestamps(second));

        byte[] pdf = DocumentSigner.create(EC).sign(TestDocuments.pdf("to extend"), "P", "Revision", ECDSA_SHA256);
        JsonNode padesT = extend(pdf, null, null, "Ades-B-T");
        assertEquals("PAdES-BASELINE-T", signature(SignatureValidationIT.validate(
                Base64.getDecoder().decode(padesT.get("signedDocument").asText()), null)).get("format").asText());
    }

    @Test
    void updateRefusesWhatItCannotRead() {
        ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(
                "not a signature".getBytes(StandardCharsets.UTF_8))).put("conformance_level", "Ades-B-T");
        ApiErrors.assertError(Sigillum.post("/api/v1/signatures/extend", "application/json", body.toString(),
                Sigillum.operatorToken()), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.post("/api/v1/signatures/extend", "application/json", "{\"signedDocument\":\"AA==\"}",
                Sigillum.operatorToken()), 400, "invalid_request");
    }

    private static JsonNode extend(byte[] signed, byte[] original, String format, String level) {
        ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(signed))
                .put("conformance_level", level);
        if (format != null) {
            body.put("signature_format", format);
        }
        if (original != null) {
            body.putArray("originalDocuments").addObject().put("name", "original")
                    .put("content", Base64.getEncoder().encodeToString(original));
        }
        Sigillum.Reply reply = Sigillum.post("/api/v1/signatures/extend", "application/json", body.toString(),
                Sigillum.operatorToken());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static int archiveTimestamps(JsonNode validation) {
        String report = validation.get("detailedReport").toString();
        int count = 0;
        for (int at = report.indexOf("ARCHIVE_TIMESTAMP"); at >= 0; at = report.indexOf("ARCHIVE_TIMESTAMP", at + 1)) {
            count++;
        }
        return count;
    }
}
