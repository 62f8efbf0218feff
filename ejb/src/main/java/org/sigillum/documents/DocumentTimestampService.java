package org.sigillum.documents;

import eu.europa.esig.dss.pades.PAdESCommonParameters;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.PdfBoxSignatureDrawerFactory;
import java.io.OutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * DSS's document time-stamp service (the archive time-stamps of B-LTA, and the signature time-stamp that raising a
 * PAdES signature to B-T adds), writing a revision that holds only what a document time-stamp needs: the
 * time-stamp's field and value, and the form and page entries that list the field. PDFBox gives every invisible
 * signature widget an empty appearance stream; ISO 32000-2 (12.5.5) does not ask for one on a widget of zero size,
 * and independent validators (pyHanko's difference analysis among them) count a new appearance stream as form
 * filling, which would make every B-LTA document look modified after signing.
 */
final class DocumentTimestampService extends PdfBoxSignatureService {

    private static final COSName DOC_TIMESTAMP = COSName.getPDFName("DocTimeStamp");

    /** {@code mode}: ARCHIVE_TIMESTAMP or SIGNATURE_TIMESTAMP, the modes in which DSS adds a document time-stamp. */
    DocumentTimestampService(PDFServiceMode mode, PdfBoxSignatureDrawerFactory drawers) {
        super(mode, drawers);
    }

    @Override
    public void checkEncryptedAndSaveIncrementally(PDDocument document, OutputStream output,
                                                   PAdESCommonParameters parameters) {
        dropNewInvisibleAppearances(document);
        super.checkEncryptedAndSaveIncrementally(document, output, parameters);
    }

    /**
     * Removes the appearance of each document time-stamp field created in this revision whose widget has no area.
     * Objects read from the file carry their object key; a field this revision adds has none yet, so earlier,
     * signed revisions are never touched.
     */
    static void dropNewInvisibleAppearances(PDDocument document) {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return;
        }
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField signatureField && signatureField.getCOSObject().getKey() == null
                    && isDocTimestamp(signatureField)) {
                signatureField.getWidgets().forEach(widget -> {
                    COSDictionary annotation = widget.getCOSObject();
                    if (annotation.getKey() == null && !hasArea(annotation)) {
                        annotation.removeItem(COSName.AP);
                    }
                });
            }
        }
    }

    private static boolean isDocTimestamp(PDSignatureField field) {
        COSDictionary value = field.getCOSObject().getCOSDictionary(COSName.V);
        return value != null && DOC_TIMESTAMP.equals(value.getCOSName(COSName.TYPE));
    }

    private static boolean hasArea(COSDictionary annotation) {
        COSArray rect = annotation.getCOSArray(COSName.RECT);
        if (rect == null || rect.size() != 4) {
            return false;
        }
        return Math.abs(coordinate(rect, 2) - coordinate(rect, 0)) > 0
                && Math.abs(coordinate(rect, 3) - coordinate(rect, 1)) > 0;
    }

    private static float coordinate(COSArray rect, int index) {
        return rect.getObject(index) instanceof COSNumber number ? number.floatValue() : 0;
    }
}
