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
     * DSS's PDF modification detection for the revision a signature covers, and whether that revision is the whole
     * document: when it is not, what follows it (time-stamps and validation data of LT/LTA, later signatures, or
     * changes) is not signed by this signature.
     */
    public record PdfModifications(boolean detected, List<Integer> visualDifferencePages, List<Integer> pageDifferencePages,
                                   List<Integer> annotationOverlapPages, int extensionChanges, int signatureOrFormFillChanges,
                                   int annotationChanges, int undefinedChanges, boolean byteRangeValid,
                                   boolean coversWholeDocument) {
    }
}
