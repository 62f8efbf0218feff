package org.sigillum.validation;

import java.util.ArrayList;
import java.util.List;
import org.sigillum.validation.PdfRevisionReview.Kind;
import org.sigillum.validation.PdfRevisionReview.Result;
import org.sigillum.validation.PdfRevisionReview.Revision;

/**
 * What the revision review does to a PDF signature's indication. A certification whose permissions were broken
 * fails (or, by the operator's choice, warns). A signature whose document a reader sees otherwise than it was signed
 * is not TOTAL_PASSED but INDETERMINATE: signed content painted over or removed, anything visible beyond a
 * signature in free space, changes that are no LTV data, signature, form filling or annotation, bytes the parser
 * cannot account for, and changed pages that were not compared in time. Each reason is also a warning.
 */
final class RevisionVerdict {

    static final String PASSED = "TOTAL_PASSED";
    static final String FAILED = "TOTAL_FAILED";
    static final String INDETERMINATE = "INDETERMINATE";
    /** ETSI EN 319 102-1: the signature does not match the validation constraints. */
    static final String CONSTRAINTS = "SIG_CONSTRAINTS_FAILURE";

    record Verdict(String indication, String subIndication, List<String> warnings) {
    }

    private RevisionVerdict() {
    }

    static Verdict judge(String indication, String subIndication, List<String> warnings, Result review,
                         boolean failCertificationViolations) {
        if (review == null) {
            return new Verdict(indication, subIndication, warnings);
        }
        List<String> reasons = reasons(review);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(reasons);
        if (review.certificationViolated() && failCertificationViolations) {
            return new Verdict(FAILED, CONSTRAINTS, allWarnings);
        }
        if (PASSED.equals(indication) && seenOtherwise(review)) {
            return new Verdict(INDETERMINATE, CONSTRAINTS, allWarnings);
        }
        return new Verdict(indication, subIndication, allWarnings);
    }

    /** Something after the signed revision that a reader may see, or that cannot be vouched for. */
    static boolean detected(Result review) {
        return review.worst().compareTo(Kind.LTV) > 0 || review.unaccountedBytes()
                || !review.visibleChangePages().isEmpty() || !review.pagesNotCompared().isEmpty();
    }

    private static boolean seenOtherwise(Result review) {
        return review.unaccountedBytes() || review.worst() == Kind.UNDEFINED
                || !review.contentChangedPages().isEmpty() || !review.pagesNotCompared().isEmpty()
                || !review.visibleChangePages().isEmpty() && review.worst().compareTo(Kind.SIGNATURE) > 0;
    }

    private static List<String> reasons(Result review) {
        List<String> reasons = new ArrayList<>();
        if (review.certificationViolated()) {
            reasons.add("The certification (DocMDP P=" + review.certificationPermission()
                    + ") does not allow the changes made after it (" + review.worst() + ").");
        }
        for (Revision revision : review.revisions()) {
            if (revision.unaccounted()) {
                reasons.add("Bytes after the signed revision that no cross-reference section accounts for redefine "
                        + "objects " + revision.objects() + ", which viewers rebuild and show.");
            } else if (revision.kind() == Kind.UNDEFINED) {
                reasons.add("Revision " + revision.number() + " after the signature makes changes that are no "
                        + "validation data, signature, form filling or annotation: objects "
                        + revision.objects(Kind.UNDEFINED) + ".");
            }
        }
        if (!review.contentChangedPages().isEmpty()) {
            reasons.add("Signed content is painted over or removed on pages " + review.contentChangedPages() + ".");
        } else if (!review.visibleChangePages().isEmpty()) {
            reasons.add("Pages " + review.visibleChangePages() + " look different after signing.");
        }
        if (!review.pagesNotCompared().isEmpty()) {
            reasons.add("Pages " + review.pagesNotCompared() + " changed after signing and were not compared in time.");
        }
        return reasons;
    }
}
