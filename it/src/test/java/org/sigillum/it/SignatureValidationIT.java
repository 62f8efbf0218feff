package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The validation API passes every kind of signature this server makes, and catches what was done to a document
 * after signing: an incremental PDF update that changes the page, an edited XML, a changed byte in a CMS.
 */
class SignatureValidationIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    private static DocumentSigner signer() {
        return DocumentSigner.create(EC);
    }

    static JsonNode validate(byte[] signed, byte[] original) {
        return validate(signed, original, "original");
    }

    static JsonNode validate(byte[] signed, byte[] original, String originalName) {
        ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(signed));
        if (original != null) {
            body.putArray("originalDocuments").addObject().put("name", originalName)
                    .put("content", Base64.getEncoder().encodeToString(original));
        }
        Sigillum.Reply reply = Sigillum.post("/api/v1/signatures/validate", "application/json", body.toString(),
                Sigillum.operatorToken());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String indication(JsonNode result) {
        return result.get("signatures").get(0).get("indication").asText();
    }

    @Test
    void ourSignaturesPassInEveryFormat() throws Exception {
        DocumentSigner signer = signer();
        byte[] data = Signatures.randomData();
        JsonNode pades = validate(signer.sign(TestDocuments.pdf("Valid"), "P", "Revision", ECDSA_SHA256), null);
        assertEquals("TOTAL_PASSED", indication(pades), pades.get("signatures").toString());
        assertTrue(pades.get("simpleReport").has("SimpleReport"), "the simple report comes as JSON");
        assertTrue(pades.get("detailedReport").has("DetailedReport"));
        assertTrue(pades.get("etsiValidationReport").has("ValidationReport"));
        assertEquals("TOTAL_PASSED", indication(validate(signer.sign(data, "C", "Attached", ECDSA_SHA256), null)));
        assertEquals("TOTAL_PASSED", indication(validate(signer.sign(data, "C", "Detached", ECDSA_SHA256), data)));
        assertEquals("TOTAL_PASSED", indication(validate(signer.sign(TestDocuments.xml("ok"), "X", "Enveloped",
                ECDSA_SHA256), null)));
        assertEquals("TOTAL_PASSED", indication(validate(signer.sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "J",
                "Attached", ECDSA_SHA256), null)));
    }

    @Test
    void d1PdfChangedByAnIncrementalUpdateAfterSigningIsFlagged() throws Exception {
        byte[] signed = signer().sign(TestDocuments.pdf("Pay 100 EUR"), "P", "Revision", ECDSA_SHA256);
        JsonNode untouched = validate(signed, null).get("signatures").get(0);
        assertEquals(false, untouched.get("pdfModifications").get("detected").asBoolean(), untouched.toString());

        JsonNode result = validate(appendPageReplacement(signed, "Pay 9000 EUR"), null);
        JsonNode signature = result.get("signatures").get(0);
        JsonNode modifications = signature.get("pdfModifications");
        assertTrue(modifications.get("detected").asBoolean() || !"TOTAL_PASSED".equals(signature.get("indication").asText()),
                "an incremental update that rewrites the page must be reported: " + signature);
    }

    @Test
    void d1UniversalSignatureForgeryWithABrokenByteRangeFails() throws Exception {
        byte[] signed = signer().sign(TestDocuments.pdf("USF"), "P", "Revision", ECDSA_SHA256);
        String pdf = new String(signed, StandardCharsets.ISO_8859_1);
        Matcher range = Pattern.compile("/ByteRange\\s*\\[\\s*0\\s+(\\d+)").matcher(pdf);
        assertTrue(range.find(), "a signed PDF has a byte range");
        String original = range.group(0);
        String forged = original.replace(range.group(1), String.valueOf(Long.parseLong(range.group(1)) - 1));
        byte[] tampered = pdf.replaceFirst(Pattern.quote(original), forged + " ").getBytes(StandardCharsets.ISO_8859_1);
        ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(tampered));
        Sigillum.Reply reply = Sigillum.post("/api/v1/signatures/validate", "application/json", body.toString(),
                Sigillum.operatorToken());
        if (reply.status() == 200) {
            JsonNode signature = reply.json().get("signatures").get(0);
            assertNotEquals("TOTAL_PASSED", signature.get("indication").asText(), signature.toString());
        } else {
            ApiErrors.assertError(reply, 400, "invalid_request");
        }
    }

    @Test
    void d1ChangesToACertifiedDocumentThatForbidsThemAreFlagged() throws Exception {
        byte[] certified = signer().sign(TestDocuments.pdf("Certified"), "P", "Certification", ECDSA_SHA256);
        JsonNode untouched = validate(certified, null).get("signatures").get(0);
        assertEquals("TOTAL_PASSED", untouched.get("indication").asText(), untouched.toString());
        assertEquals(0, untouched.get("warnings").size(), untouched.toString());
        assertEquals(false, untouched.get("pdfModifications").get("detected").asBoolean());
        JsonNode signature = validate(appendPageReplacement(certified, "Changed after certification"), null)
                .get("signatures").get(0);
        assertTrue(!"TOTAL_PASSED".equals(signature.get("indication").asText())
                || signature.get("pdfModifications").get("detected").asBoolean()
                || signature.get("warnings").size() > 0, "a change the certification forbids must show: " + signature);
    }

    @Test
    void tamperedXmlFails() throws Exception {
        byte[] signed = signer().sign(TestDocuments.xml("ACME"), "X", "Enveloped", ECDSA_SHA256);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("ACME", "EVIL").getBytes(StandardCharsets.UTF_8);
        JsonNode signature = validate(tampered, null).get("signatures").get(0);
        assertEquals("TOTAL_FAILED", signature.get("indication").asText(), signature.toString());
        assertEquals("HASH_FAILURE", signature.get("subIndication").asText());
    }

    @Test
    void cmsWithOneChangedByteFails() throws Exception {
        byte[] data = "pay to the order of Alice".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = signer().sign(data, "C", "Attached", ECDSA_SHA256);
        int at = indexOf(signed, data);
        assertTrue(at > 0);
        signed[at] ^= 0x01;
        JsonNode signature = validate(signed, null).get("signatures").get(0);
        assertNotEquals("TOTAL_PASSED", signature.get("indication").asText(), signature.toString());
    }

    @Test
    void xmlReportsOnRequestAndCleanErrors() throws Exception {
        byte[] signed = signer().sign(TestDocuments.xml("report"), "X", "Enveloped", ECDSA_SHA256);
        ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(signed))
                .put("reportFormat", "xml");
        body.putArray("reports").add("simple");
        JsonNode result = Sigillum.post("/api/v1/signatures/validate", "application/json", body.toString(),
                Sigillum.operatorToken()).json();
        assertTrue(result.get("simpleReport").asText().contains("SimpleReport"), result.toString());
        assertTrue(result.get("detailedReport") == null || result.get("detailedReport").isNull());

        ObjectNode notSigned = Sigillum.object().put("signedDocument",
                Base64.getEncoder().encodeToString("plain text".getBytes(StandardCharsets.UTF_8)));
        ApiErrors.assertError(Sigillum.post("/api/v1/signatures/validate", "application/json", notSigned.toString(),
                Sigillum.operatorToken()), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.post("/api/v1/signatures/validate", "application/json", "{}",
                Sigillum.operatorToken()), 400, "invalid_request");
        ApiErrors.assertError(Sigillum.post("/api/v1/signatures/validate", "application/json", notSigned.toString(), null),
                401, "invalid_token");
    }

    /** An incremental update whose new page object shows other text: what a forger appends to a signed PDF. */
    private static byte[] appendPageReplacement(byte[] signed, String text) {
        PdfUpdates update = PdfUpdates.to(signed);
        int contents = update.nextFreeNumber();
        return update.object(contents, PdfUpdates.stream("BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET"))
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + contents
                        + " 0 R /Resources << /Font << /F1 5 0 R >> >> >>").bytes();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
