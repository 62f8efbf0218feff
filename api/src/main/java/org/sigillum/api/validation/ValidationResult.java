package org.sigillum.api.validation;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * The outcome per signature, in brief, and the full reports: as JSON values converted from DSS's XML reports,
 * or, when XML was asked for, as XML strings.
 */
public record ValidationResult(List<SignatureOutcome> signatures, JsonValue simpleReport, JsonValue detailedReport,
                               JsonValue etsiValidationReport) {

    /**
     * One signature: ETSI EN 319 102-1 indication and sub-indication, format, claimed signing time, signer, DSS's
     * messages, and for PDFs what changed after signing.
     */
    public record SignatureOutcome(String id, String indication, String subIndication, String format, String signingTime,
                                   String signedBy, List<String> errors, List<String> warnings, List<String> infos,
                                   PdfModifications pdfModifications) {
    }

    /**
     * What follows the revision a signature covers, and whether a reader sees it. {@code coversWholeDocument} false
     * means something was appended (time-stamps and validation data of LT/LTA, later signatures, or changes); each
     * later revision is in {@code revisions} with its kind, objects and pages, and the counts sum its objects by
     * kind. {@code visibleChangePages} look different from the signed revision, {@code signedContentChangedPages}
     * are those where something the signer saw was painted over or removed (a countersignature in free space is not
     * on it), {@code pagesNotCompared} were not rendered within the time budget and are not vouched for.
     * {@code unaccountedBytes}: definitions after the signed range that the cross-reference chain does not account
     * for, which viewers rebuild and show. {@code certificationPermission} is the DocMDP P of a certification (null
     * for an approval signature), {@code certificationViolated} whether a later revision breaks it.
     * {@code pageDifferencePages}, {@code annotationOverlapPages} and {@code byteRangeValid} come from DSS.
     */
    public record PdfModifications(boolean detected, List<Integer> visualDifferencePages, List<Integer> pageDifferencePages,
                                   List<Integer> annotationOverlapPages, long extensionChanges,
                                   long signatureOrFormFillChanges, long annotationChanges, long undefinedChanges,
                                   boolean byteRangeValid, boolean coversWholeDocument, boolean visibleChange,
                                   List<Integer> visibleChangePages, List<Integer> signedContentChangedPages,
                                   List<Integer> pagesNotCompared, boolean unaccountedBytes,
                                   Integer certificationPermission, boolean certificationViolated,
                                   List<PdfRevision> revisions) {
    }

    /**
     * One revision after the signed one: where it ends, its kind ({@code NONE}, {@code LTV}, {@code SIGNATURE},
     * {@code FORM_FILL}, {@code ANNOTATION} or {@code UNDEFINED}), the objects ("number generation") and pages it
     * touches, and whether the parser could not account for it.
     */
    public record PdfRevision(int number, long end, String kind, List<String> objects, List<Integer> pages,
                              boolean unaccounted) {
    }
}
