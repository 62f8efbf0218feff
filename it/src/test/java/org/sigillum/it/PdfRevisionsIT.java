package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sigillum.it.PdfSignatureAttacksIT.appearance;
import static org.sigillum.it.PdfSignatureAttacksIT.cover;
import static org.sigillum.it.PdfSignatureAttacksIT.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * Checklist D1, issue 18: changes after a PDF signature that a reader sees must show in the validation answer,
 * field by field, and never as TOTAL_PASSED. Each attack starts from a document this server signed; poppler (an
 * independent reader) shows that the forged content is really displayed, or the signed content really gone. The
 * untouched document is the control and comes back clean.
 */
class PdfRevisionsIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final String ALICE = "Pay 100 EUR to Alice";
    private static final String MALLORY = "Pay 9000 EUR to Mallory";
    /** TestDocuments.pdf: the catalog, the page tree, page 1, its content stream, the font. */
    private static final int PAGE = 3;
    private static final int CONTENT = 4;
    private static final String PAGE_BODY = "/Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            + "/Resources << /Font << /F1 5 0 R >> >>";

    private final DocumentSigner signer = DocumentSigner.create(EC);

    @Test
    void d1DocTimestampThatPaintsOverSignedContentIsNoLtvUpdate() throws Exception {
        for (Integer certification : new Integer[] {null, 1, 2}) {
            byte[] signed = certification == null ? approve(TestDocuments.pdf(ALICE)) : certify(TestDocuments.pdf(ALICE),
                    certification);
            // a widget of a /DocTimeStamp signature field with a white box and new text over the signed line, and a
            // "token" of a few garbage bytes
            PdfUpdates update = PdfUpdates.to(signed);
            int widget = update.nextFreeNumber();
            byte[] attacked = update
                    .object(widget, "<< /Type /Annot /Subtype /Widget /FT /Sig /T (archive) /F 4 /Rect [60 700 400 750]"
                            + " /P 3 0 R /V " + (widget + 1) + " 0 R /AP << /N " + (widget + 2) + " 0 R >> >>")
                    .object(widget + 1, "<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 "
                            + "/ByteRange [0 10 20 30] /Contents <DEADBEEF00000000> >>")
                    .object(widget + 2, appearance(cover(MALLORY)))
                    .object(PAGE, "<< " + PAGE_BODY + " /Annots " + annotsWith(signed, widget) + " >>")
                    .object(catalogNumber(signed), catalogWithField(signed, widget)).bytes();
            assertPopplerDrawsOtherwise(signed, attacked);

            JsonNode signature = onlySignature(attacked);
            JsonNode modifications = signature.get("pdfModifications");
            assertEquals(certification == null ? "INDETERMINATE" : "TOTAL_FAILED",
                    signature.get("indication").asText(), signature.toString());
            assertEquals("SIG_CONSTRAINTS_FAILURE", signature.get("subIndication").asText(), signature.toString());
            assertVisibleOverSignedContent(modifications, 1);
            assertEquals("UNDEFINED", lastRevision(modifications).get("kind").asText(), signature.toString());
            assertEquals(0, modifications.get("extensionChanges").asInt(), "a time-stamp that does not validate and"
                    + " shows something is no LTV update: " + signature);
            assertEquals(String.valueOf(certification), String.valueOf(modifications.get("certificationPermission")),
                    signature.toString());
            assertEquals(certification != null, modifications.get("certificationViolated").asBoolean(),
                    signature.toString());
        }
    }

    @Test
    void d1ContentRedefinedAfterEofWithoutCrossReferenceIsReported() throws Exception {
        byte[] signed = approve(TestDocuments.pdf(ALICE));
        String root = lastTrailerEntry(signed, "Root");
        long previous = PdfUpdates.lastStartxref(signed);
        for (String startxref : List.of("trailer", "object", "past the end")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(signed);
            int object = out.size() + 1;
            PdfUpdates.write(out, "\n" + CONTENT + " 0 obj\n" + PdfUpdates.stream(text(MALLORY)) + "\nendobj\n");
            int trailer = out.size();
            PdfUpdates.write(out, "trailer\n<< /Size 6 /Root " + root + " /Prev " + previous + " >>\nstartxref\n");
            long target = switch (startxref) {
                case "trailer" -> trailer;
                case "object" -> object;
                default -> signed.length * 10L;
            };
            PdfUpdates.write(out, target + "\n%%EOF\n");
            byte[] attacked = out.toByteArray();
            assertPopplerShows(attacked, MALLORY);

            JsonNode signature = onlySignature(attacked);
            JsonNode modifications = signature.get("pdfModifications");
            assertNotEquals("TOTAL_PASSED", signature.get("indication").asText(), startxref + ": " + signature);
            assertTrue(modifications.get("detected").asBoolean(), signature.toString());
            assertVisibleOverSignedContent(modifications, 1);
            assertTrue(modifications.get("undefinedChanges").asInt() > 0, signature.toString());
            assertTrue(modifications.get("unaccountedBytes").asBoolean()
                    || "UNDEFINED".equals(lastRevision(modifications).get("kind").asText()), signature.toString());
            assertTrue(lastRevision(modifications).get("objects").toString().contains("\"4 0\""), signature.toString());
        }
    }

    @Test
    void d1ObjectRedefinedUnderAnotherGenerationIsReported() throws Exception {
        byte[] signed = approve(TestDocuments.pdf(ALICE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(signed);
        PdfUpdates.write(out, "\n");
        int offset = out.size();
        PdfUpdates.write(out, CONTENT + " 1 obj\n" + PdfUpdates.stream(text(MALLORY)) + "\nendobj\n");
        int xref = out.size();
        PdfUpdates.write(out, "xref\n0 1\n0000000000 65535 f \n" + CONTENT + " 1\n"
                + String.format("%010d 00001 n \n", offset) + "trailer\n<< /Size " + PdfUpdates.to(signed).nextFreeNumber()
                + " /Root " + lastTrailerEntry(signed, "Root") + " /Prev " + PdfUpdates.lastStartxref(signed)
                + " >>\nstartxref\n" + xref + "\n%%EOF\n");
        byte[] attacked = out.toByteArray();
        assertTrue(popplerText(signed).contains(ALICE), "poppler reads the signed text");
        assertFalse(popplerText(attacked).contains(ALICE), "poppler no longer shows the signed text");

        JsonNode signature = onlySignature(attacked);
        JsonNode modifications = signature.get("pdfModifications");
        assertEquals("INDETERMINATE", signature.get("indication").asText(), signature.toString());
        assertVisibleOverSignedContent(modifications, 1);
        assertEquals("UNDEFINED", lastRevision(modifications).get("kind").asText(), signature.toString());
        assertTrue(lastRevision(modifications).get("objects").toString().contains("\"4 0\""), signature.toString());
    }

    @Test
    void d1ChangesACertificationForbidsFailIt() throws Exception {
        record Case(int permission, boolean content, boolean violated) {
        }
        for (Case check : List.of(new Case(1, false, true), new Case(2, false, true), new Case(2, true, true),
                new Case(3, false, false))) {
            byte[] certified = certify(TestDocuments.pdf(ALICE), check.permission());
            JsonNode clean = onlySignature(certified);
            assertEquals("TOTAL_PASSED", clean.get("indication").asText(), clean.toString());
            assertEquals(check.permission(), clean.get("pdfModifications").get("certificationPermission").asInt());
            assertFalse(clean.get("pdfModifications").get("certificationViolated").asBoolean(), clean.toString());

            byte[] changed = check.content() ? replaceContent(certified, MALLORY) : addNote(certified);
            assertPopplerDrawsOtherwise(certified, changed);
            JsonNode signature = onlySignature(changed);
            JsonNode modifications = signature.get("pdfModifications");
            assertEquals(check.violated(), modifications.get("certificationViolated").asBoolean(), signature.toString());
            assertEquals(check.violated() ? "TOTAL_FAILED" : "INDETERMINATE", signature.get("indication").asText(),
                    "P=" + check.permission() + ": " + signature);
            assertEquals(check.content() ? "UNDEFINED" : "ANNOTATION", lastRevision(modifications).get("kind").asText(),
                    signature.toString());
            assertEquals("[1]", modifications.get("visibleChangePages").toString(), signature.toString());
        }
    }

    @Test
    void d1ChangeOnPageElevenOfTwelveIsCompared() throws Exception {
        List<String> objects = new ArrayList<>(List.of("<< /Type /Catalog /Pages 2 0 R >>", "",
                "<< " + PAGE_BODY + " >>", PdfUpdates.stream(text(ALICE)),
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        StringBuilder kids = new StringBuilder("3 0 R");
        for (int page = 2; page <= 12; page++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
            kids.append(' ').append(objects.size()).append(" 0 R");
        }
        objects.set(1, "<< /Type /Pages /Kids [" + kids + "] /Count 12 >>");
        byte[] signed = approve(TestDocuments.pdf(objects, null));
        int pageEleven = 5 + 10;
        PdfUpdates update = PdfUpdates.to(signed);
        int content = update.nextFreeNumber();
        byte[] changed = update.object(content, PdfUpdates.stream(text(MALLORY)))
                .object(pageEleven, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + content
                        + " 0 R /Resources << /Font << /F1 5 0 R >> >> >>").bytes();
        assertPopplerShows(changed, MALLORY);

        JsonNode signature = onlySignature(changed);
        JsonNode modifications = signature.get("pdfModifications");
        assertEquals("INDETERMINATE", signature.get("indication").asText(), signature.toString());
        assertEquals("[11]", modifications.get("visibleChangePages").toString(), signature.toString());
        assertEquals("[]", modifications.get("pagesNotCompared").toString(), signature.toString());
        // the page was blank when signed: nothing the signer saw is covered, but the page shows what was not signed
        assertEquals("[]", modifications.get("signedContentChangedPages").toString(), signature.toString());
        assertEquals("UNDEFINED", lastRevision(modifications).get("kind").asText(), signature.toString());
    }

    @Test
    void d1UntouchedDocumentWithAStickyNoteComesBackClean() throws Exception {
        byte[] signed = approve(TestDocuments.pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< " + PAGE_BODY + " /Annots [6 0 R] >>",
                PdfUpdates.stream(text(ALICE)), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Type /Annot /Subtype /Text /Rect [400 700 420 720] /Contents (Checked) /Open false >>"), null));
        JsonNode signature = onlySignature(signed);
        JsonNode modifications = signature.get("pdfModifications");
        assertEquals("TOTAL_PASSED", signature.get("indication").asText(), signature.toString());
        assertEquals("[]", signature.get("warnings").toString(), signature.toString());
        assertFalse(modifications.get("detected").asBoolean(), signature.toString());
        assertFalse(modifications.get("visibleChange").asBoolean(), signature.toString());
        assertEquals("[]", modifications.get("visualDifferencePages").toString(), signature.toString());
        assertEquals("[]", modifications.get("revisions").toString(), signature.toString());
        assertEquals(0, modifications.get("signatureOrFormFillChanges").asInt() + modifications.get("annotationChanges")
                .asInt() + modifications.get("undefinedChanges").asInt(), signature.toString());
        assertTrue(modifications.get("coversWholeDocument").asBoolean(), signature.toString());
    }

    @Test
    void d1CountersignatureOverSignedContentIsToldApartFromOneInFreeSpace() throws Exception {
        byte[] signed = approve(TestDocuments.pdf(ALICE));
        DocumentSigner other = DocumentSigner.create(EC);
        // the text's baseline is 720 points above the bottom, 122 below the top; the API measures from the top
        byte[] overText = countersign(other, signed, 100);
        byte[] inFreeSpace = countersign(other, signed, 500);

        assertPopplerDrawsOtherwise(signed, overText);
        assertPopplerDrawsOtherwise(signed, inFreeSpace);
        JsonNode covering = signatures(overText).get(0);
        assertEquals("[1]", covering.get("pdfModifications").get("signedContentChangedPages").toString(),
                covering.toString());
        assertEquals("INDETERMINATE", covering.get("indication").asText(), covering.toString());
        assertEquals("SIGNATURE", lastRevision(covering.get("pdfModifications")).get("kind").asText(),
                covering.toString());

        JsonNode free = signatures(inFreeSpace).get(0);
        JsonNode modifications = free.get("pdfModifications");
        assertTrue(modifications.get("visibleChange").asBoolean(), free.toString());
        assertEquals("[1]", modifications.get("visibleChangePages").toString(), free.toString());
        assertEquals("[]", modifications.get("signedContentChangedPages").toString(), free.toString());
        assertEquals("SIGNATURE", lastRevision(modifications).get("kind").asText(), free.toString());
        assertEquals("TOTAL_PASSED", free.get("indication").asText(), free.toString());
    }

    private byte[] approve(byte[] pdf) throws Exception {
        return signer.sign(pdf, "P", "Revision", ECDSA_SHA256);
    }

    /** A certification signature with DocMDP {@code permission}, through the Document Signature API. */
    private byte[] certify(byte[] pdf, int permission) throws Exception {
        ObjectNode options = options(signer, pdf).put("certification", permission);
        return upload(signer, pdf, options);
    }

    /** A visible approval signature by {@code other}, {@code top} points below the page's top edge. */
    private static byte[] countersign(DocumentSigner other, byte[] pdf, int top) throws Exception {
        ObjectNode options = options(other, pdf);
        options.putObject("appearance").put("page", 1).put("x", 60).put("y", top).put("width", 300).put("height", 50)
                .put("text", "Countersigned by {signer}");
        return upload(other, pdf, options);
    }

    private static ObjectNode options(DocumentSigner signer, byte[] pdf) throws Exception {
        return Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", signer.sadFor(pdf))
                .put("signature_format", "P").put("conformance_level", "Ades-B-B").put("signAlgo", ECDSA_SHA256);
    }

    private static byte[] upload(DocumentSigner signer, byte[] pdf, ObjectNode options) throws Exception {
        Path dir = Files.createTempDirectory("revisions");
        DocumentUpload.Answer answer = DocumentUpload.to(dir).bearer(signer.client().token)
                .file(Files.write(dir.resolve("document.pdf"), pdf), "document.pdf").options(options).send();
        assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
        return Files.readAllBytes(answer.body());
    }

    /** A sticky note with an appearance in free space on page 1. */
    private static byte[] addNote(byte[] signed) throws Exception {
        PdfUpdates update = PdfUpdates.to(signed);
        int note = update.nextFreeNumber();
        return update.object(note, "<< /Type /Annot /Subtype /FreeText /Rect [60 300 300 340] /Contents (Note) "
                        + "/DA (/F1 18 Tf 0 g) /AP << /N " + (note + 1) + " 0 R >> >>")
                .object(note + 1, appearance("0 g BT /F1 18 Tf 12 18 Td (Note) Tj ET"))
                .object(PAGE, "<< " + PAGE_BODY + " /Annots " + annotsWith(signed, note) + " >>").bytes();
    }

    private static byte[] replaceContent(byte[] signed, String line) {
        return PdfUpdates.to(signed).object(CONTENT, PdfUpdates.stream(text(line))).bytes();
    }

    private static int catalogNumber(byte[] pdf) {
        return Integer.parseInt(lastTrailerEntry(pdf, "Root").split(" ")[0]);
    }

    /** The signed document's catalog, its form's fields with one more, and its /Perms (a certification's). */
    private static String catalogWithField(byte[] pdf, int added) throws Exception {
        StringBuilder catalog = new StringBuilder("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var dictionary = document.getDocumentCatalog().getCOSObject();
            var form = dictionary.getCOSDictionary(COSName.ACRO_FORM);
            COSArray fields = form == null ? null : form.getCOSArray(COSName.FIELDS);
            for (int i = 0; fields != null && i < fields.size(); i++) {
                if (fields.get(i) instanceof COSObject reference) {
                    catalog.append(reference.getKey().getNumber()).append(" 0 R ");
                }
            }
            catalog.append(added).append(" 0 R] /SigFlags 3 >>");
            var perms = dictionary.getCOSDictionary(COSName.PERMS);
            if (perms != null && perms.getItem(COSName.DOCMDP) instanceof COSObject reference) {
                catalog.append(" /Perms << /DocMDP ").append(reference.getKey().getNumber()).append(" 0 R >>");
            }
        }
        return catalog.append(" >>").toString();
    }

    /** Page 1's annotations as the signed document has them, and one more. */
    private static String annotsWith(byte[] pdf, int added) throws Exception {
        StringBuilder annots = new StringBuilder("[");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSArray existing = document.getPage(0).getCOSObject().getCOSArray(COSName.ANNOTS);
            if (existing != null) {
                for (int i = 0; i < existing.size(); i++) {
                    COSBase item = existing.get(i);
                    if (item instanceof COSObject reference) {
                        annots.append(reference.getKey().getNumber()).append(' ')
                                .append(reference.getKey().getGeneration()).append(" R ");
                    }
                }
            }
        }
        return annots.append(added).append(" 0 R]").toString();
    }

    private static void assertVisibleOverSignedContent(JsonNode modifications, int page) {
        assertTrue(modifications.get("visibleChange").asBoolean(), modifications.toString());
        assertEquals("[" + page + "]", modifications.get("visibleChangePages").toString(), modifications.toString());
        assertEquals("[" + page + "]", modifications.get("signedContentChangedPages").toString(),
                modifications.toString());
        assertEquals("[" + page + "]", modifications.get("visualDifferencePages").toString(), modifications.toString());
        assertFalse(modifications.get("coversWholeDocument").asBoolean(), modifications.toString());
    }

    private static JsonNode lastRevision(JsonNode modifications) {
        JsonNode revisions = modifications.get("revisions");
        assertTrue(revisions.size() > 0, modifications.toString());
        return revisions.get(revisions.size() - 1);
    }

    private static JsonNode onlySignature(byte[] pdf) {
        JsonNode signatures = signatures(pdf);
        assertEquals(1, signatures.size(), signatures.toString());
        return signatures.get(0);
    }

    private static JsonNode signatures(byte[] pdf) {
        return SignatureValidationIT.validate(pdf, null).get("signatures");
    }

    /** poppler's pdftotext, which rebuilds a damaged cross-reference table as viewers do, shows {@code text}. */
    private static void assertPopplerShows(byte[] pdf, String text) throws Exception {
        String shown = popplerText(pdf);
        assertTrue(shown.contains(text), "poppler shows " + text + ": " + shown);
    }

    /** poppler's pdftoppm draws page 1 of {@code attacked} otherwise than that of {@code signed}. */
    private static void assertPopplerDrawsOtherwise(byte[] signed, byte[] attacked) throws Exception {
        assertFalse(java.util.Arrays.equals(popplerPage(signed), popplerPage(attacked)),
                "poppler draws page 1 otherwise after the change");
    }

    private static byte[] popplerPage(byte[] pdf) throws Exception {
        Path dir = Files.createTempDirectory("poppler");
        Files.write(dir.resolve("document.pdf"), pdf);
        ExternalTools.Run run = ExternalTools.run(dir, "pdftoppm", "-r", "36", "-gray", "-f", "1", "-l", "1",
                "-singlefile", "document.pdf", "page");
        assertEquals(0, run.exit(), run.output());
        return Files.readAllBytes(dir.resolve("page.pgm"));
    }

    private static String popplerText(byte[] pdf) throws Exception {
        Path dir = Files.createTempDirectory("poppler");
        Files.write(dir.resolve("document.pdf"), pdf);
        ExternalTools.Run run = ExternalTools.run(dir, "pdftotext", "document.pdf", "-");
        return run.output();
    }

    private static String lastTrailerEntry(byte[] pdf, String key) {
        Matcher entry = Pattern.compile("/" + key + "\\s+(\\d+\\s+\\d+\\s+R)").matcher(PdfUpdates.latin1(pdf));
        String last = null;
        while (entry.find()) {
            last = entry.group(1);
        }
        assertTrue(last != null, "the document names its /" + key);
        return last;
    }
}
