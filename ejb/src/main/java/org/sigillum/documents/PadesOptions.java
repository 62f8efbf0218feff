package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.sigillum.api.documents.SignOptions;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * The PAdES-only options of the Document Signature API: a visible signature (page, rectangle, text with the
 * signer's name and the signing time, optional PNG or JPEG picture) and a certification (DocMDP) level.
 */
final class PadesOptions {

    static final String SIGNER = "{signer}";
    static final String DATE = "{date}";
    private static final int MAX_TEXT = 500;
    private static final DateTimeFormatter SHOWN_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private PadesOptions() {
    }

    /** Refuses options that only a PDF can carry when the format is not PAdES. */
    static void requireAbsent(SignOptions options, byte[] image) throws ServiceException {
        if (options.appearance() != null || options.certification() != null || image != null) {
            throw invalid("appearance, image and certification apply to PAdES (signature_format P) only");
        }
    }

    static void apply(PAdESSignatureParameters parameters, SignOptions options, byte[] image, SigningSetup setup)
            throws ServiceException {
        if (options.certification() != null) {
            if (options.certification() < 1 || options.certification() > 3) {
                throw invalid("certification must be 1 (no changes), 2 (form filling) or 3 (form filling and annotations)");
            }
            parameters.setPermission(CertificationPermission.fromCode(options.certification()));
        }
        parameters.setSignerName(setup.signerName());
        if (options.appearance() == null) {
            if (image != null) {
                throw invalid("an image needs an appearance with its page and rectangle");
            }
            return;
        }
        parameters.setImageParameters(visible(options.appearance(), image, setup));
    }

    private static SignatureImageParameters visible(SignOptions.Appearance appearance, byte[] image, SigningSetup setup)
            throws ServiceException {
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(appearance.page() == null ? 1 : appearance.page());
        if (field.getPage() < 1) {
            throw invalid("appearance.page counts from 1");
        }
        if (appearance.x() == null || appearance.y() == null || appearance.width() == null || appearance.height() == null
                || appearance.x() < 0 || appearance.y() < 0 || !(appearance.width() > 0) || !(appearance.height() > 0)) {
            throw invalid("appearance needs x and y (0 or more) and width and height (more than 0), in points");
        }
        field.setOriginX(appearance.x());
        field.setOriginY(appearance.y());
        field.setWidth(appearance.width());
        field.setHeight(appearance.height());
        SignatureImageParameters visible = new SignatureImageParameters();
        visible.setFieldParameters(field);
        if (appearance.text() != null && !appearance.text().isBlank()) {
            if (appearance.text().length() > MAX_TEXT) {
                throw invalid("appearance.text is longer than " + MAX_TEXT + " characters");
            }
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setText(appearance.text().replace(SIGNER, setup.signerName())
                    .replace(DATE, SHOWN_DATE.format(setup.signingTime().toInstant())));
            visible.setTextParameters(text);
        } else if (image == null) {
            throw invalid("a visible signature needs appearance.text, an image, or both");
        }
        if (image != null) {
            visible.setImage(new InMemoryDocument(image, SignatureImages.name(image)));
        }
        return visible;
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
