package org.sigillum.documents;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.SignatureExtension;
import org.sigillum.api.validation.ExtensionRequest;
import org.sigillum.api.validation.ExtensionResult;
import org.sigillum.asn1.BerNesting;
import org.sigillum.audit.Events;

/**
 * Raises existing signatures to T, LT or LTA with DSS: time-stamps from the source in use, OCSP responses and CRLs
 * from the allowed URLs only. No user key is involved, so no SAD: the TSA signs, not the signer.
 */
@Stateless
public class SignatureExtensionBean implements SignatureExtension {

    @Inject
    private SignatureServices services;
    @Inject
    private RequestCaller caller;
    @EJB
    private AuditTrail audit;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ExtensionResult extend(ExtensionRequest request) throws ServiceException {
        if (request == null || request.signedDocument() == null) {
            throw invalid("signedDocument (base64) is required");
        }
        byte[] signed = RequestDocuments.decode(request.signedDocument(), "signedDocument");
        DocumentFormat format = request.signatureFormat() == null ? guess(signed)
                : DocumentFormat.of(request.signatureFormat());
        if (request.conformanceLevel() == null) {
            throw invalid("conformance_level is required (AdES-B-T, AdES-B-LT or AdES-B-LTA)");
        }
        AbstractSignatureParameters<?> parameters = format.parameters(null);
        parameters.setSignatureLevel(format.level(request.conformanceLevel()));
        if (parameters.getSignatureLevel().name().endsWith("_BASELINE_B")) {
            throw invalid("a signature is extended to AdES-B-T, AdES-B-LT or AdES-B-LTA");
        }
        List<DSSDocument> originals = RequestDocuments.originals(request.originalDocuments());
        if (!originals.isEmpty()) {
            parameters.setDetachedContents(originals);
        }
        DSSDocument extended;
        try {
            requireSignatures(signed, format);
            extended = ((eu.europa.esig.dss.signature.DocumentSignatureService) services.service(format))
                    .extendDocument(new InMemoryDocument(signed, "signed"), parameters);
        } catch (RuntimeException e) {
            // DSS reads the caller's document here: whatever it throws (a missing element ends in a
            // NullPointerException or an IllegalStateException deep in the XAdES/JAdES code) is about that input
            throw invalid(DssMessages.explain("the signature cannot be extended", e));
        } catch (StackOverflowError e) {
            throw invalid(DssMessages.TOO_DEEP);
        }
        audit.record(new AuditEvent(Events.SIGNATURE_EXTENDED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                Map.of("level", parameters.getSignatureLevel().name())));
        return new ExtensionResult(Base64.getEncoder().encodeToString(DssDocuments.bytes(extended)),
                parameters.getSignatureLevel().toString());
    }

    /**
     * Refuses a document in which DSS finds no signature of the format named, before the extension code, which
     * assumes it gets one, runs into it.
     */
    private static void requireSignatures(byte[] signed, DocumentFormat format) throws ServiceException {
        if (BerNesting.tooDeepDer(signed)) {
            throw invalid(DssMessages.TOO_DEEP);
        }
        SignedDocumentValidator validator;
        try {
            validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed, "signed"));
        } catch (UnsupportedOperationException | IllegalInputException e) {
            throw invalid("signedDocument is not a signed document in a format this server reads");
        }
        validator.setCertificateVerifier(new CommonCertificateVerifier(true));
        if (validator.getSignatures().isEmpty()) {
            throw invalid("signedDocument holds no " + format.name() + " signature");
        }
    }

    /** PDF by its header, XML and JSON by their first character; anything else is taken for CMS. */
    static DocumentFormat guess(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 16), StandardCharsets.ISO_8859_1).stripLeading();
        if (start.startsWith("%PDF")) {
            return DocumentFormat.PADES;
        }
        if (start.startsWith("<") || start.startsWith("\uFEFF<")) {
            return DocumentFormat.XADES;
        }
        if (start.startsWith("{") || start.startsWith("ey")) {
            return DocumentFormat.JADES;
        }
        return DocumentFormat.CADES;
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
