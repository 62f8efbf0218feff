package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sigillum.validation.PdfRevisionReview.Kind;
import org.sigillum.validation.PdfRevisionReview.Result;
import org.sigillum.validation.PdfRevisionReview.Revision;
import org.sigillum.validation.RevisionVerdict.Verdict;

class RevisionVerdictTest {

    private static Result result(Integer permission, Kind kind, List<Integer> visible, List<Integer> content,
                                 List<Integer> notCompared) {
        return new Result(permission, List.of(new Revision(1, 100, kind, Map.of("8 0", kind), List.of(1), false)), visible,
                content, notCompared);
    }

    @Test
    void d1ABrokenCertificationFailsOrWarnsAsTheOperatorChose() {
        Result broken = result(1, Kind.ANNOTATION, List.of(1), List.of(), List.of());
        Verdict strict = RevisionVerdict.judge("TOTAL_PASSED", null, List.of(), broken, true);
        assertEquals("TOTAL_FAILED", strict.indication());
        assertEquals("SIG_CONSTRAINTS_FAILURE", strict.subIndication());
        assertTrue(strict.warnings().get(0).contains("P=1"), strict.warnings().toString());

        Verdict lenient = RevisionVerdict.judge("TOTAL_PASSED", null, List.of(), broken, false);
        // still visible after signing, so still not a pass
        assertEquals("INDETERMINATE", lenient.indication());
        assertTrue(lenient.warnings().get(0).contains("P=1"), lenient.warnings().toString());

        Result invisible = result(1, Kind.FORM_FILL, List.of(), List.of(), List.of());
        assertEquals("TOTAL_PASSED", RevisionVerdict.judge("TOTAL_PASSED", null, List.of(), invisible, false)
                .indication());
    }

    @Test
    void d1AVisibleChangeIsNeverAPass() {
        assertEquals("INDETERMINATE", RevisionVerdict.judge("TOTAL_PASSED", null, List.of(),
                result(null, Kind.SIGNATURE, List.of(1), List.of(1), List.of()), true).indication());
        assertEquals("INDETERMINATE", RevisionVerdict.judge("TOTAL_PASSED", null, List.of(),
                result(null, Kind.ANNOTATION, List.of(1), List.of(), List.of()), true).indication());
        assertEquals("INDETERMINATE", RevisionVerdict.judge("TOTAL_PASSED", null, List.of(),
                result(null, Kind.SIGNATURE, List.of(), List.of(), List.of(11)), true).indication());
    }

    @Test
    void aCountersignatureInFreeSpaceAndLtvDataPass() {
        Verdict countersigned = RevisionVerdict.judge("TOTAL_PASSED", null, List.of(),
                result(null, Kind.SIGNATURE, List.of(1), List.of(), List.of()), true);
        assertEquals("TOTAL_PASSED", countersigned.indication());
        Result ltv = result(1, Kind.LTV, List.of(), List.of(), List.of());
        Verdict archived = RevisionVerdict.judge("TOTAL_PASSED", null, List.of(), ltv, true);
        assertEquals("TOTAL_PASSED", archived.indication());
        assertEquals(List.of(), archived.warnings());
        assertFalse(RevisionVerdict.detected(ltv));
    }
}
