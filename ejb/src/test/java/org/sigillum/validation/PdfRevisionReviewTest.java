package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sigillum.validation.TestPdfs.key;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.junit.jupiter.api.Test;
import org.sigillum.validation.PdfRevisionReview.Kind;
import org.sigillum.validation.PdfRevisionReview.Result;

class PdfRevisionReviewTest {

    private static final String MALLORY = "Pay 9000 EUR to Mallory";
    private final PdfRevisionReview review = new PdfRevisionReview(
            () -> MemoryUsageSetting.setupMainMemoryOnly().streamCache, Duration.ofSeconds(20));

    private static long[] signedUpTo(byte[] signed) {
        return new long[] {0, 0, 0, signed.length};
    }

    @Test
    void anUntouchedDocumentHasNoRevisionsAfterItsSignature() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        Result result = review.review(signed, signedUpTo(signed));
        assertEquals(List.of(), result.revisions());
        assertFalse(result.changed());
        assertEquals(List.of(), result.visibleChangePages());
        assertNull(result.certificationPermission());
    }

    @Test
    void d1NewPageContentIsAnUndefinedChangeOverSignedContent() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        byte[] changed = TestPdfs.update(signed, Map.of(key(4, 0), TestPdfs.stream(TestPdfs.text(MALLORY))));
        Result result = review.review(changed, signedUpTo(signed));
        assertEquals(1, result.revisions().size());
        assertEquals(Kind.UNDEFINED, result.revisions().get(0).kind());
        assertEquals(List.of("4 0"), result.revisions().get(0).objects());
        assertEquals(List.of(1), result.visibleChangePages());
        assertEquals(List.of(1), result.contentChangedPages());
    }

    @Test
    void d1APageTakenAwayOrResizedIsAnUndefinedVisibleChange() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        Result removed = review.review(TestPdfs.update(signed, Map.of(key(2, 0), "<< /Type /Pages /Kids [] /Count 0 >>")),
                signedUpTo(signed));
        assertEquals(Kind.UNDEFINED, removed.worst(), removed.toString());
        assertEquals(List.of(1), removed.visibleChangePages());
        Result resized = review.review(TestPdfs.update(signed, Map.of(key(3, 0),
                String.format(TestPdfs.PAGE, "").replace("595 842", "595 400"))), signedUpTo(signed));
        assertEquals(Kind.UNDEFINED, resized.worst(), resized.toString());
        assertEquals(List.of(1), resized.contentChangedPages());
    }

    @Test
    void d1AnInvisibleDocTimestampWithAGarbageTokenIsNoLtvUpdate() {
        byte[] signed = certified(1);
        Map<int[], String> stamp = new LinkedHashMap<>();
        stamp.put(key(8, 0), "<< /Type /Annot /Subtype /Widget /FT /Sig /T (ts) /F 132 /Rect [0 0 0 0] /P 3 0 R"
                + " /V 9 0 R >>");
        stamp.put(key(9, 0), "<< /Type /DocTimeStamp /SubFilter /ETSI.RFC3161 /ByteRange [0 10 20 30] /Contents <00> >>");
        stamp.put(key(3, 0), String.format(TestPdfs.PAGE, "/Annots [6 0 R 8 0 R]"));
        Result result = review.review(TestPdfs.update(signed, stamp), certifiedRange(signed));
        assertEquals(Kind.UNDEFINED, result.worst(), result.toString());
        assertTrue(result.certificationViolated());
        assertEquals(List.of(), result.visibleChangePages());
    }

    @Test
    void anObjectSavedAgainUnchangedIsNoChange() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        byte[] resaved = TestPdfs.update(signed, Map.of(key(4, 0), TestPdfs.stream(TestPdfs.text("Alice"))));
        Result result = review.review(resaved, signedUpTo(signed));
        assertEquals(Kind.NONE, result.revisions().get(0).kind());
        assertFalse(result.changed());
        assertEquals(List.of(), result.visibleChangePages());
    }

    @Test
    void d1ContentAfterEofWithoutCrossReferenceIsUnaccounted() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        byte[] attacked = TestPdfs.append(signed, "4 0 obj\n" + TestPdfs.stream(TestPdfs.text(MALLORY))
                + "\nendobj\nstartxref\n999999\n%%EOF\n");
        Result result = review.review(attacked, signedUpTo(signed));
        assertTrue(result.unaccountedBytes(), result.toString());
        assertEquals(Kind.UNDEFINED, result.worst());
        assertTrue(result.revisions().stream().anyMatch(r -> r.objects().contains("4 0")), result.toString());
        assertEquals(List.of(1), result.visibleChangePages());
        assertEquals(List.of(1), result.contentChangedPages());
    }

    @Test
    void d1TrailingBytesWithoutObjectsAreUnaccountedToo() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        Result result = review.review(TestPdfs.append(signed, "garbage the parser skips"), signedUpTo(signed));
        assertTrue(result.unaccountedBytes(), result.toString());
    }

    @Test
    void d1ObjectRedefinedUnderAnotherGenerationIsAChangeOfTheOldOne() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        byte[] attacked = TestPdfs.update(signed, Map.of(key(4, 1), TestPdfs.stream(TestPdfs.text(MALLORY))));
        Result result = review.review(attacked, signedUpTo(signed));
        assertEquals(Kind.UNDEFINED, result.worst(), result.toString());
        assertTrue(result.revisions().get(0).objects().contains("4 0"), result.toString());
        assertEquals(List.of(1), result.contentChangedPages());
    }

    @Test
    void d1AnnotationsAreWithinPermissionThreeOnlyAndVisible() {
        for (int permission = 1; permission <= 3; permission++) {
            byte[] signed = certified(permission);
            Map<int[], String> note = new LinkedHashMap<>();
            note.put(key(8, 0), "<< /Type /Annot /Subtype /Square /Rect [60 300 300 340] /C [0 0 1] >>");
            note.put(key(3, 0), String.format(TestPdfs.PAGE, "/Annots [6 0 R 8 0 R]"));
            Result result = review.review(TestPdfs.update(signed, note), certifiedRange(signed));
            assertEquals(permission, result.certificationPermission());
            assertEquals(Kind.ANNOTATION, result.worst(), result.toString());
            assertEquals(permission < 3, result.certificationViolated(), "P=" + permission);
            assertEquals(List.of(1), result.visibleChangePages());
            assertEquals(List.of(), result.contentChangedPages(), "a square in free space covers nothing signed");
        }
    }

    @Test
    void d1VisibleDocTimestampWithAGarbageTokenIsUndefined() {
        byte[] signed = certified(1);
        Map<int[], String> stamp = new LinkedHashMap<>();
        stamp.put(key(8, 0), "<< /Type /Annot /Subtype /Widget /FT /Sig /T (ts) /F 4 /Rect [60 700 500 750] /P 3 0 R"
                + " /V 9 0 R /AP << /N 10 0 R >> >>");
        stamp.put(key(9, 0), "<< /Type /DocTimeStamp /SubFilter /ETSI.RFC3161 /ByteRange [0 10 20 30] /Contents <00> >>");
        String box = "1 g 0 0 440 50 re f";
        stamp.put(key(10, 0), "<< /Type /XObject /Subtype /Form /BBox [0 0 440 50] /Length " + box.length()
                + " >>\nstream\n" + box + "\nendstream");
        stamp.put(key(3, 0), String.format(TestPdfs.PAGE, "/Annots [6 0 R 8 0 R]"));
        Result result = review.review(TestPdfs.update(signed, stamp), certifiedRange(signed));
        assertEquals(Kind.UNDEFINED, result.worst(), result.toString());
        assertTrue(result.certificationViolated());
        assertEquals(0, result.count(Kind.LTV));
        assertEquals(List.of(1), result.contentChangedPages());
    }

    @Test
    void d1PagesLeftOverWhenTheBudgetIsSpentAreReported() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        byte[] changed = TestPdfs.update(signed, Map.of(key(4, 0), TestPdfs.stream(TestPdfs.text(MALLORY))));
        PdfRevisionReview noTime = new PdfRevisionReview(() -> MemoryUsageSetting.setupMainMemoryOnly().streamCache,
                Duration.ZERO);
        Result result = noTime.review(changed, signedUpTo(signed));
        assertEquals(List.of(1), result.pagesNotCompared());
        assertEquals(List.of(), result.visibleChangePages());
    }

    @Test
    void aByteRangeOutsideTheDocumentIsNotReviewed() {
        byte[] signed = TestPdfs.document("Alice", "", "");
        assertNull(review.review(signed, new long[] {0, 0, 0, signed.length + 1L}));
    }

    /** A document with a certification signature dictionary (DocMDP P) whose byte range ends at its end. */
    static byte[] certified(int permission) {
        byte[] pdf = TestPdfs.document("Alice", "/Annots [6 0 R]", "/AcroForm << /Fields [6 0 R] >> /Perms << /DocMDP 7 0 R >>",
                "<< /Type /Annot /Subtype /Widget /FT /Sig /T (cert) /F 132 /Rect [0 0 0 0] /P 3 0 R /V 7 0 R >>",
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 0 0 0000000000] "
                        + "/Contents <00> /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams "
                        + "<< /Type /TransformParams /P " + permission + " /V /1.2 >> >>] >>");
        String text = new String(pdf, StandardCharsets.ISO_8859_1)
                .replace("[0 0 0 0000000000]", String.format("[0 0 0 %010d]", pdf.length));
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static long[] certifiedRange(byte[] signed) {
        return new long[] {0, 0, 0, signed.length};
    }
}
