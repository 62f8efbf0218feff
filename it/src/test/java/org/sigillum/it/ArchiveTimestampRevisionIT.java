package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

/**
 * The revision a B-LTA document time-stamp adds holds only what an archive time-stamp needs (issue 16, item 6): the
 * time-stamp's field and value and the form and page entries that list it, no appearance stream, so that validators
 * that judge later revisions (pyHanko counts a new appearance as form filling) see an LTV update. Checked on the
 * bytes with PDFBox, by pdfsig, and by the validation API's own revision review, for the three ways a PDF reaches
 * B-LTA: signDoc, the Document Signature API (its own PDF writer) and the signature update API.
 */
class ArchiveTimestampRevisionIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final COSName DOC_TIMESTAMP = COSName.getPDFName("DocTimeStamp");

    private final DocumentSigner signer = DocumentSigner.create(EC);

    @Test
    void signDocLtaRevisionIsOnlyTheArchiveTimestamp() throws Exception {
        assertOnlyArchiveTimestamp(signer.sign(TestDocuments.pdf("LTA by signDoc"), "P", "Revision", ECDSA_SHA256,
                "Ades-B-LTA"), 1);
    }

    @Test
    void documentApiLtaRevisionIsOnlyTheArchiveTimestamp() throws Exception {
        byte[] pdf = TestDocuments.pdf("LTA by the Document Signature API");
        Path dir = Files.createTempDirectory("lta-upload");
        Path file = Files.write(dir.resolve("contract.pdf"), pdf);
        ObjectNode options = Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", signer.sadFor(pdf))
                .put("signature_format", "P").put("conformance_level", "Ades-B-LTA").put("signAlgo", ECDSA_SHA256);
        DocumentUpload.Answer answer = DocumentUpload.to(dir).bearer(signer.client().token).file(file, "contract.pdf")
                .options(options).send();
        assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
        assertOnlyArchiveTimestamp(Files.readAllBytes(answer.body()), 1);
    }

    @Test
    void extendedToLtaTwiceEachRevisionIsOnlyTheArchiveTimestamp() throws Exception {
        byte[] signed = signer.sign(TestDocuments.pdf("LTA by the update API"), "P", "Revision", ECDSA_SHA256);
        byte[] lta = extend(signed);
        // raised from B-B, the document gets its signature time-stamp (level T) and its archive time-stamp
        assertOnlyArchiveTimestamp(lta, 2);
        // a second archive time-stamp leaves the earlier ones' fields exactly as they were signed
        assertOnlyArchiveTimestamp(extend(lta), 3);
    }

    private static byte[] extend(byte[] pdf) {
        ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(pdf))
                .put("conformance_level", "Ades-B-LTA");
        Sigillum.Reply reply = Sigillum.post("/api/v1/signatures/extend", "application/json", body.toString(),
                Sigillum.operatorToken());
        assertEquals(200, reply.status(), reply.body());
        return Base64.getDecoder().decode(reply.json().get("signedDocument").asText());
    }

    private static void assertOnlyArchiveTimestamp(byte[] pdf, int timestamps) throws Exception {
        List<COSDictionary> fields = docTimestampFields(pdf);
        assertEquals(timestamps, fields.size(), "document time-stamp fields");
        for (COSDictionary field : fields) {
            assertFalse(field.containsKey(COSName.AP), "an invisible document time-stamp widget has no appearance: "
                    + field);
            COSArray rect = field.getCOSArray(COSName.RECT);
            assertNotNull(rect, "the widget has a rectangle");
            assertEquals(0f, area(rect), "the widget has no area");
        }
        for (String object : lastRevisionObjects(pdf)) {
            assertFalse(object.startsWith("stream"), "the time-stamp revision adds or changes no stream: " + object);
        }

        JsonNode validation = SignatureValidationIT.validate(pdf, null);
        JsonNode first = validation.get("signatures").get(0);
        assertEquals("TOTAL_PASSED", first.get("indication").asText(), first.toString());
        assertEquals("PAdES-BASELINE-LTA", first.get("format").asText());
        JsonNode modifications = first.get("pdfModifications");
        assertFalse(modifications.get("detected").asBoolean(), modifications.toString());
        for (JsonNode revision : modifications.get("revisions")) {
            assertEquals("LTV", revision.get("kind").asText(), "each revision after the signature is an LTV update: "
                    + modifications);
        }

        Path dir = ExternalTools.workspaceWithCaCertificates();
        Files.write(dir.resolve("lta.pdf"), pdf);
        ExternalTools.Run pdfsig = ExternalTools.run(dir, "pdfsig", "lta.pdf");
        assertTrue(pdfsig.output().contains("Signature #" + (1 + timestamps) + ":"), pdfsig.output());
        assertTrue(pdfsig.output().contains("Signature is Valid."), pdfsig.output());
        assertTrue(pdfsig.output().strip().contains("Total document signed"), pdfsig.output());
        // pdfsig (poppler 22) does not verify RFC 3161 document time-stamps: openssl checks each token over its range
        for (COSDictionary field : fields) {
            Files.write(dir.resolve("range.bin"), signedRange(pdf, field));
            Files.write(dir.resolve("token.der"), token(field));
            ExternalTools.Run verify = ExternalTools.run(dir, "openssl", "ts", "-verify", "-data", "range.bin",
                    "-in", "token.der", "-token_in", "-CAfile", "chain.pem", "-untrusted", "tsa.pem");
            assertTrue(verify.output().contains("Verification: OK"), verify.output());
        }
    }

    /** The bytes a document time-stamp covers: its /ByteRange of the document. */
    private static byte[] signedRange(byte[] pdf, COSDictionary field) {
        COSArray range = field.getCOSDictionary(COSName.V).getCOSArray(COSName.BYTERANGE);
        int[] r = new int[4];
        for (int i = 0; i < 4; i++) {
            r[i] = ((COSNumber) range.getObject(i)).intValue();
        }
        byte[] covered = new byte[r[1] + r[3]];
        System.arraycopy(pdf, r[0], covered, 0, r[1]);
        System.arraycopy(pdf, r[2], covered, r[1], r[3]);
        return covered;
    }

    /** The time-stamp token in /Contents, without the zeros that pad the reserved space. */
    private static byte[] token(COSDictionary field) {
        byte[] contents = ((COSString) field.getCOSDictionary(COSName.V).getDictionaryObject(COSName.CONTENTS)).getBytes();
        if ((contents[1] & 0x80) == 0) {
            return Arrays.copyOf(contents, 2 + contents[1]);
        }
        int lengthBytes = contents[1] & 0x7f;
        int length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = length << 8 | contents[2 + i] & 0xff;
        }
        return Arrays.copyOf(contents, 2 + lengthBytes + length);
    }

    private static List<COSDictionary> docTimestampFields(byte[] pdf) throws Exception {
        List<COSDictionary> fields = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDField field : document.getDocumentCatalog().getAcroForm().getFieldTree()) {
                COSDictionary value = field.getCOSObject().getCOSDictionary(COSName.V);
                if (field instanceof PDSignatureField && value != null
                        && DOC_TIMESTAMP.equals(value.getCOSName(COSName.TYPE))) {
                    // the field and its only widget share one dictionary
                    field.getWidgets().forEach(widget -> fields.add(widget.getCOSObject()));
                }
            }
        }
        return fields;
    }

    /**
     * Each object the last revision adds or changes, by what it is ("stream …" for streams), found by comparing the
     * cross-reference tables of the document with and without that revision.
     */
    private static List<String> lastRevisionObjects(byte[] pdf) throws Exception {
        byte[] eof = "%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        int last = lastIndexOf(pdf, eof, pdf.length - eof.length);
        int previous = lastIndexOf(pdf, eof, last - 1);
        assertTrue(previous > 0, "the document has an earlier revision");
        List<String> objects = new ArrayList<>();
        try (PDDocument before = Loader.loadPDF(Arrays.copyOf(pdf, previous + eof.length));
             PDDocument after = Loader.loadPDF(pdf)) {
            Map<COSObjectKey, Long> old = before.getDocument().getXrefTable();
            for (Map.Entry<COSObjectKey, Long> entry : after.getDocument().getXrefTable().entrySet()) {
                if (!entry.getValue().equals(old.get(entry.getKey()))) {
                    COSBase object = after.getDocument().getObjectFromPool(entry.getKey()).getObject();
                    objects.add((object instanceof COSStream ? "stream " : "") + entry.getKey() + " " + object);
                }
            }
        }
        assertFalse(objects.isEmpty(), "the time-stamp revision changes objects");
        return objects;
    }

    private static int lastIndexOf(byte[] data, byte[] pattern, int from) {
        for (int at = Math.min(from, data.length - pattern.length); at >= 0; at--) {
            if (Arrays.equals(data, at, at + pattern.length, pattern, 0, pattern.length)) {
                return at;
            }
        }
        return -1;
    }

    private static float area(COSArray rect) {
        float[] v = new float[4];
        for (int i = 0; i < 4; i++) {
            v[i] = rect.getObject(i) instanceof COSNumber number ? number.floatValue() : 0;
        }
        return Math.abs(v[2] - v[0]) * Math.abs(v[3] - v[1]);
    }
}
