package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * Checklist D1, the attacks on signed PDFs beyond incremental saving, universal signature forgery and changes to a
 * certified document (those are in {@link SignatureValidationIT}): signature wrapping (Mladenov et al., CCS 2019) and
 * the shadow attacks hide, replace and hide-and-replace (Mainka, Mladenov, Rohlmann, NDSS 2021). Each begins with a
 * PDF this server signed, shows with PDFBox that the attack works at the PDF level (the signed bytes are intact, a
 * reader shows other content), and then asks the validation API, which must not call the result a clean pass.
 */
class PdfSignatureAttacksIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final String ALICE = "Pay 100 EUR to Alice";
    private static final String MALLORY = "Pay 9000 EUR to Mallory";
    /** Object numbers of the form documents: the text field's widget and its appearance. */
    private static final int FIELD = 6;
    private static final int APPEARANCE = 7;
    /** A one-page document, and one longer than the ten pages DSS used to compare: every changed page is compared. */
    private static final int[] PAGE_COUNTS = {1, 11};

    private final DocumentSigner signer = DocumentSigner.create(EC);

    private byte[] sign(byte[] pdf) throws Exception {
        return signer.sign(pdf, "P", "Revision", ECDSA_SHA256);
    }

    @Test
    void d1SignatureWrappingFailsValidation() throws Exception {
        byte[] signed = sign(TestDocuments.pdf(ALICE));
        byte[] wrapped = SignatureWrapping.wrap(signed, 4, PdfUpdates.stream(text(MALLORY)));
        assertArrayEquals(signedContent(signed), signedContent(wrapped),
                "the wrapped signature's /ByteRange names exactly the bytes that were signed");
        assertShowsOtherContent(signed, wrapped);

        JsonNode signature = onlySignature(wrapped);
        // nothing was appended after a signed revision: the signed revision itself was taken apart
        assertEquals("TOTAL_FAILED", signature.get("indication").asText(), signature.toString());
        assertFalse(signature.get("pdfModifications").get("byteRangeValid").asBoolean(), signature.toString());
    }

    @Test
    void d1ShadowHideThroughAFormFieldsVisibilityIsReported() throws Exception {
        for (int pages : PAGE_COUNTS) {
            // the page says MALLORY, under a text field whose opaque appearance says ALICE: the signer sees ALICE
            byte[] signed = sign(formDocument(MALLORY, ALICE, cover(ALICE), pages));
            // afterwards only the field's widget changes, to hidden: form fields may change after an approval signature
            byte[] hidden = PdfUpdates.to(signed).object(FIELD, field(ALICE, APPEARANCE, 4 | 2)).bytes();
            assertFormChangeReported(signed, hidden, pages);
        }
    }

    @Test
    void d1ShadowReplaceOfAFormFieldsAppearanceIsReported() throws Exception {
        for (int pages : PAGE_COUNTS) {
            // an empty text field lies over the page's ALICE line when the document is signed
            byte[] signed = sign(formDocument(ALICE, "", "", pages));
            PdfUpdates update = PdfUpdates.to(signed);
            int appearance = update.nextFreeNumber();
            byte[] replaced = update.object(appearance, appearance(cover(MALLORY)))
                    .object(FIELD, field(MALLORY, appearance, 4)).bytes();
            assertFormChangeReported(signed, replaced, pages);
        }
    }

    @Test
    void d1ShadowHideAndReplaceByANewRootIsReported() throws Exception {
        // the signed document carries a second, unused catalog whose page says MALLORY; it already names the
        // signature field the server will add as the next free object, so the signature stays in place
        int widget = 10;
        String mallory = text(MALLORY);
        byte[] prepared = TestDocuments.pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                page(4, ""),
                PdfUpdates.stream(text(ALICE)),
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Type /Catalog /Pages 7 0 R /AcroForm << /Fields [" + widget + " 0 R] /SigFlags 3 >> >>",
                "<< /Type /Pages /Kids [8 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 7 0 R /MediaBox [0 0 595 842] /Contents 9 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> /Annots [" + widget + " 0 R] >>",
                PdfUpdates.stream(mallory)), null);
        byte[] signed = sign(prepared);
        Matcher signatureField = Pattern.compile("(\\d+) 0 obj\\s*<<\\s*/FT /Sig").matcher(PdfUpdates.latin1(signed));
        assertTrue(signatureField.find() && signatureField.group(1).equals(String.valueOf(widget)),
                "the signature field is the object the attacker predicted");
        // the update holds no object at all: a cross-reference section and a trailer with another /Root
        byte[] rerooted = PdfUpdates.to(signed).root(6).bytes();
        assertShowsOtherContent(signed, rerooted);

        JsonNode signature = onlySignature(rerooted);
        assertReportedAsChangedAfterSigning(signature, 1);
        assertTrue(changes(signature, "undefinedChanges") > 0, "another catalog is no form filling: " + signature);
    }

    @Test
    void d1WhatAugmentationAddsAfterASignatureIsNoWarning() throws Exception {
        // the counter-check: LTA validation data and document time-stamps follow the signed revision by design
        byte[] lta = signer.sign(TestDocuments.pdf(ALICE), "P", "Revision", ECDSA_SHA256, "Ades-B-LTA");
        JsonNode signature = onlySignature(lta);
        JsonNode modifications = signature.get("pdfModifications");
        assertEquals("TOTAL_PASSED", signature.get("indication").asText(), signature.toString());
        assertEquals(0, signature.get("warnings").size(), signature.toString());
        assertFalse(modifications.get("coversWholeDocument").asBoolean(), signature.toString());
        assertTrue(modifications.get("extensionChanges").asInt() > 0, signature.toString());
        assertEquals(0, changes(signature, "signatureOrFormFillChanges", "annotationChanges", "undefinedChanges"),
                signature.toString());
        assertFalse(modifications.get("detected").asBoolean(), signature.toString());
    }

    /** The attack works in a reader, and the answer reports it, as an object change too (documents of any length). */
    private static void assertFormChangeReported(byte[] signed, byte[] attacked, int pages) throws Exception {
        assertShowsOtherContent(signed, attacked);
        JsonNode signature = onlySignature(attacked);
        assertReportedAsChangedAfterSigning(signature, pages);
        assertTrue(changes(signature, "signatureOrFormFillChanges", "annotationChanges") > 0,
                "a form field changed after signing is an object change: " + signature);
    }

    /**
     * The signed revision is intact, but the signature does not pass silently: the answer says that the document goes
     * on after the signed revision, warns, and names page 1 as looking different, in documents of any length.
     */
    private static void assertReportedAsChangedAfterSigning(JsonNode signature, int pages) {
        JsonNode modifications = signature.get("pdfModifications");
        assertFalse(modifications.get("coversWholeDocument").asBoolean(), signature.toString());
        assertTrue(!"TOTAL_PASSED".equals(signature.get("indication").asText()) || signature.get("warnings").size() > 0,
                "a change after signing must not pass without a warning: " + signature);
        assertEquals("[1]", modifications.get("visualDifferencePages").toString(), "pages " + pages + ": " + signature);
        assertTrue(modifications.get("detected").asBoolean(), signature.toString());
    }

    private static int changes(JsonNode signature, String... kinds) {
        int count = 0;
        for (String kind : kinds) {
            count += signature.get("pdfModifications").get(kind).asInt();
        }
        return count;
    }

    private static JsonNode onlySignature(byte[] pdf) {
        JsonNode signatures = SignatureValidationIT.validate(pdf, null).get("signatures");
        assertEquals(1, signatures.size(), signatures.toString());
        return signatures.get(0);
    }

    /**
     * A form: on page 1 the page's own text, and over it a text field with a value and an appearance stream; blank
     * pages after it up to {@code pages}.
     */
    private static byte[] formDocument(String pageText, String value, String appearance, int pages) {
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [" + FIELD + " 0 R] /DA (/F1 18 Tf 0 g) "
                        + "/DR << /Font << /F1 5 0 R >> >> >> >>",
                "",
                page(4, "/Annots [" + FIELD + " 0 R]"),
                PdfUpdates.stream(text(pageText)),
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                field(value, APPEARANCE, 4),
                appearance(appearance)));
        StringBuilder kids = new StringBuilder("3 0 R");
        for (int page = 2; page <= pages; page++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
            kids.append(' ').append(objects.size()).append(" 0 R");
        }
        objects.set(1, "<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        return TestDocuments.pdf(objects, null);
    }

    private static String page(int contents, String extra) {
        return "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + contents
                + " 0 R /Resources << /Font << /F1 5 0 R >> >> " + extra + " >>";
    }

    /** A text field's widget over the page's text line; {@code flags} 4 prints it, 2 more hides it. */
    private static String field(String value, int appearance, int flags) {
        return "<< /Type /Annot /Subtype /Widget /FT /Tx /T (amount) /F " + flags + " /Rect [60 700 400 750] /P 3 0 R "
                + "/V (" + value + ") /DA (/F1 18 Tf 0 g) /AP << /N " + appearance + " 0 R >> >>";
    }

    static String appearance(String content) {
        return "<< /Type /XObject /Subtype /Form /BBox [0 0 340 50] /Resources << /Font << /F1 5 0 R >> >> /Length "
                + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    /** An opaque white box with a line of text: whatever lies under the field is covered. */
    static String cover(String text) {
        return "1 g 0 0 340 50 re f 0 g BT /F1 18 Tf 12 18 Td (" + text + ") Tj ET";
    }

    static String text(String line) {
        return "BT /F1 18 Tf 72 720 Td (" + line + ") Tj ET";
    }

    /** The bytes the first signature's /ByteRange names, as PDFBox reads the document. */
    private static byte[] signedContent(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            return signature.getSignedContent(pdf);
        }
    }

    /** PDFBox renders the first page differently: a reader shows the attacker's content. */
    private static void assertShowsOtherContent(byte[] signed, byte[] attacked) throws Exception {
        assertFalse(Arrays.equals(look(signed), look(attacked)), "the attack changes what page 1 shows");
    }

    private static int[] look(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 36);
            return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        }
    }
}
