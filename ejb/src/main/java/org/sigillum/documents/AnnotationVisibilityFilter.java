package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.PdfObjectModificationType;
import eu.europa.esig.dss.pdf.PAdESConstants;
import eu.europa.esig.dss.pdf.PdfObject;
import eu.europa.esig.dss.pdf.modifications.ObjectModification;
import eu.europa.esig.dss.pdf.modifications.PdfObjectModificationsFilter;

/**
 * DSS's sorting of the object changes after a PDF signature, except that it passes over no change of whether an
 * annotation is shown. DSS skips every changed annotation flag (/F) as noise that PDF libraries leave behind; but
 * setting or clearing Hidden, NoView or Invisible on a form field that covers page content is how the shadow hide
 * attack uncovers, in a signed document, what the signer never saw. Other flag changes are still skipped.
 */
final class AnnotationVisibilityFilter extends PdfObjectModificationsFilter {

    /** Invisible (1), Hidden (2) and NoView (32): ISO 32000-1, 12.5.3. */
    private static final int VISIBILITY_FLAGS = 1 | 2 | 32;

    @Override
    protected boolean skipChange(ObjectModification modification) {
        if (PdfObjectModificationType.MODIFICATION.equals(modification.getActionType())
                && PAdESConstants.ANNOT_FLAG.equals(modification.getObjectTree().getLastKey())) {
            return visibility(modification.getOriginalObject()) == visibility(modification.getFinalObject());
        }
        return super.skipChange(modification);
    }

    private static int visibility(PdfObject flags) {
        return flags != null && flags.getValue() instanceof Number number ? number.intValue() & VISIBILITY_FLAGS : 0;
    }
}
