package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.junit.jupiter.api.Test;

/**
 * CSC signDoc with {@code documentDigests}: the client keeps its documents and sends their hashes. A CAdES
 * signature object must verify with {@code openssl cms} against the document the hash was made of; for a PDF, the
 * client prepares the signature dictionary itself (PDFBox here, not DSS), sends the digest of the byte ranges and
 * embeds the CMS it gets back, and {@code pdfsig} must find the result valid.
 */
class DocumentDigestsIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final String SHA384 = "2.16.840.1.101.3.4.2.2";

    private static ObjectNode digests(String format, String level, byte[]... hashes) {
        ObjectNode entry = Sigillum.object().put("hashAlgorithmOID", CscClient.SHA256).put("signature_format", format)
                .put("conformance_level", level).put("signAlgo", ECDSA_SHA256);
        for (byte[] hash : hashes) {
            entry.withArray("hashes").add(Base64.getEncoder().encodeToString(hash));
        }
        return entry;
    }

    private static Sigillum.Reply signDigests(DocumentSigner signer, String sad, ObjectNode... entries) {
        ObjectNode body = Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", sad);
        for (ObjectNode entry : entries) {
            body.withArray("documentDigests").add(entry);
        }
        return signer.client().call("signatures/signDoc", body);
    }

    private static byte[] signatureObject(Sigillum.Reply reply, int index) {
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().path("DocumentWithSignature").isMissingNode(), "only signature objects: " + reply.body());
        return Base64.getDecoder().decode(reply.json().get("SignatureObject").get(index).asText());
    }

    @Test
    void cadesOverAHashVerifiesWithOpensslAgainstTheDocument() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] first = Signatures.randomData();
        byte[] second = Signatures.randomData();
        byte[] firstHash = Signatures.sha256(first);
        byte[] secondHash = Signatures.sha256(second);
        Sigillum.Reply reply = signDigests(signer, signer.client().sad(signer.credentialId(), List.of(firstHash, secondHash),
                CscClient.SHA256), digests("C", "Ades-B-T", firstHash, secondHash));

        Path dir = ExternalTools.workspaceWithCaCertificates();
        Files.write(dir.resolve("first.bin"), first);
        Files.write(dir.resolve("second.bin"), second);
        Files.write(dir.resolve("first.p7s"), signatureObject(reply, 0));
        Files.write(dir.resolve("second.p7s"), signatureObject(reply, 1));
        for (String name : List.of("first", "second")) {
            ExternalTools.Run verify = ExternalTools.verifyDetachedCms(dir, name + ".p7s", name + ".bin");
            assertEquals(0, verify.exit(), verify.output());
        }
        ExternalTools.Run swapped = ExternalTools.verifyDetachedCms(dir, "first.p7s", "second.bin");
        assertTrue(swapped.exit() != 0, "a signature object must fit only the document its hash came from");
    }

    @Test
    void validationInfoCarriesTheChainAndAnOcspResponseThatOpensslAccepts() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] hash = Signatures.sha256(Signatures.randomData());
        ObjectNode body = Sigillum.object().put("credentialID", signer.credentialId())
                .put("SAD", signer.client().sad(signer.credentialId(), List.of(hash), CscClient.SHA256))
                .put("returnValidationInfo", true);
        body.withArray("documentDigests").add(digests("C", "Ades-B-B", hash));
        Sigillum.Reply reply = signer.client().call("signatures/signDoc", body);
        assertEquals(200, reply.status(), reply.body());
        JsonNode info = reply.json().get("validationInfo");
        assertTrue(info.get("certificates").size() >= 2, "the signer's certificate and its CA: " + info);

        Path dir = ExternalTools.workspaceWithCaCertificates();
        Base64.Decoder base64 = Base64.getDecoder();
        Files.writeString(dir.resolve("signer.pem"), ExternalTools.pem(base64.decode(info.get("certificates").get(0).asText())));
        Files.writeString(dir.resolve("issuer.pem"), ExternalTools.pem(base64.decode(info.get("certificates").get(1).asText())));
        Files.write(dir.resolve("response.der"), base64.decode(info.get("ocsp").get(0).asText()));
        ExternalTools.Run ocsp = ExternalTools.run(dir, "openssl", "ocsp", "-respin", "response.der", "-CAfile", "chain.pem",
                "-issuer", "issuer.pem", "-cert", "signer.pem");
        assertEquals(0, ocsp.exit(), ocsp.output());
        assertTrue(ocsp.output().contains("signer.pem: good"), ocsp.output());
    }

    @Test
    void xadesAndJadesOverAHashValidateWithTheDocument() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        for (String format : List.of("X", "J")) {
            byte[] document = Signatures.randomData();
            byte[] hash = Signatures.sha256(document);
            Sigillum.Reply reply = signDigests(signer, signer.client().sad(signer.credentialId(), List.of(hash),
                    CscClient.SHA256), digests(format, "Ades-B-B", hash));
            byte[] signature = signatureObject(reply, 0);
            JsonNode result = SignatureValidationIT.validate(signature, document, "document-1").get("signatures").get(0);
            assertEquals("TOTAL_PASSED", result.get("indication").asText(), format + ": " + result);
            JsonNode other = SignatureValidationIT.validate(signature, Signatures.randomData(), "document-1")
                    .get("signatures").get(0);
            assertTrue(!"TOTAL_PASSED".equals(other.get("indication").asText()), format + " with another document: " + other);
        }
    }

    @Test
    void aPdfPreparedByTheClientIsSignedThroughItsDigestAndPdfsigFindsItValid() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] signed = signPreparedPdf(signer, TestDocuments.pdf("Prepared by the client"));

        Path dir = ExternalTools.workspaceWithCaCertificates();
        Files.write(dir.resolve("signed.pdf"), signed);
        ExternalTools.Run pdfsig = ExternalTools.run(dir, "pdfsig", "signed.pdf");
        assertTrue(pdfsig.output().contains("Signature Validation: Signature is Valid."), pdfsig.output());
        assertTrue(pdfsig.output().contains("Total document signed"), pdfsig.output());
        JsonNode result = SignatureValidationIT.validate(signed, null).get("signatures").get(0);
        assertEquals("TOTAL_PASSED", result.get("indication").asText(), result.toString());
        assertEquals("PAdES-BASELINE-T", result.get("format").asText(), result.toString());
    }

    /** The client's side of a PDF signed by digest: PDFBox reserves the signature, Sigillum makes the CMS. */
    private static byte[] signPreparedPdf(DocumentSigner signer, byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setSignDate(Calendar.getInstance());
            options.setPreferredSignatureSize(32 * 1024);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] hash = Signatures.sha256(external.getContent().readAllBytes());
            Sigillum.Reply reply = signDigests(signer, signer.client().sad(signer.credentialId(), List.of(hash),
                    CscClient.SHA256), digests("P", "Ades-B-T", hash));
            external.setSignature(signatureObject(reply, 0));
            return out.toByteArray();
        }
    }

    @Test
    void digestsOutsideTheRulesGetCleanErrors() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] hash = Signatures.sha256(Signatures.randomData());
        String sad = signer.client().sad(signer.credentialId(), List.of(hash), CscClient.SHA256);

        ApiErrors.assertError(signDigests(signer, sad, digests("P", "Ades-B-LTA", hash)), 400, "invalid_request");
        ApiErrors.assertError(signDigests(signer, sad, digests("C", "Ades-B-B", hash).put("hashAlgorithmOID", SHA384)),
                400, "invalid_request");
        ApiErrors.assertError(signDigests(signer, sad, digests("C", "Ades-B-B", new byte[20])), 400, "invalid_request");
        ApiErrors.assertError(signDigests(signer, sad, digests("X", "Ades-B-B", hash).put("signed_envelope_property",
                "Enveloped")), 400, "invalid_request");
        ObjectNode both = Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", sad);
        both.withArray("documentDigests").add(digests("C", "Ades-B-B", hash));
        both.withArray("documents").add(DocumentSigner.document(new byte[] {1}, "C", "Attached", ECDSA_SHA256));
        ApiErrors.assertError(signer.client().call("signatures/signDoc", both), 400, "invalid_request");

        // the refusals above came before the SAD was spent; a hash the user did not authorize spends it
        byte[] other = Signatures.sha256(Signatures.randomData());
        ApiErrors.assertError(signDigests(signer, sad, digests("C", "Ades-B-B", other)), 403, "invalid_hash");
        ApiErrors.assertError(signDigests(signer, sad, digests("C", "Ades-B-B", hash)), 400, "invalid_request");
    }
}
