package org.sigillum.validation;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.SignatureValidation;
import org.sigillum.api.validation.ValidationRequest;
import org.sigillum.api.validation.ValidationResult;
import org.sigillum.documents.DssMessages;
import org.sigillum.documents.RequestDocuments;
import org.sigillum.documents.PdfLimits;
import org.sigillum.documents.TimeBudget;
import org.sigillum.pki.BerNesting;

/** DSS validation of any AdES signature it recognises, with the reports in JSON or XML. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignatureValidationBean implements SignatureValidation {

    private static final Set<String> REPORTS = Set.of("simple", "detailed", "etsi");
    @Inject
    private TrustAnchors trustAnchors;
    @Inject
    private PdfLimits pdfLimits;
    @Inject
    private TimeBudget timeBudget;

    @Override
    public ValidationResult validate(ValidationRequest request) throws ServiceException {
        if (request == null || request.signedDocument() == null) {
            throw invalid("signedDocument (base64) is required");
        }
        boolean xml = "xml".equalsIgnoreCase(request.reportFormat());
        if (request.reportFormat() != null && !xml && !"json".equalsIgnoreCase(request.reportFormat())) {
            throw invalid("reportFormat must be json or xml");
        }
        List<String> wanted = request.reports() == null ? List.copyOf(REPORTS) : request.reports();
        if (!REPORTS.containsAll(wanted)) {
            throw invalid("reports may name simple, detailed and etsi");
        }
        byte[] signed = RequestDocuments.decode(request.signedDocument(), "signedDocument");
        Reports reports = validate(signed, RequestDocuments.originals(request.originalDocuments()));
        List<ValidationResult.SignatureOutcome> outcomes = outcomes(reports, signed.length);
        return new ValidationResult(outcomes,
                wanted.contains("simple") ? report(reports.getXmlSimpleReport(), xml) : null,
                wanted.contains("detailed") ? report(reports.getXmlDetailedReport(), xml) : null,
                wanted.contains("etsi") ? report(reports.getXmlValidationReport(), xml) : null);
    }

    private Reports validate(byte[] signed, List<DSSDocument> originals) throws ServiceException {
        CommonCertificateVerifier verifier = trustAnchors.verifier();
        return timeBudget.run(() -> validateNow(signed, originals, verifier));
    }

    private Reports validateNow(byte[] signed, List<DSSDocument> originals, CommonCertificateVerifier verifier)
            throws ServiceException {
        if (BerNesting.tooDeepDer(signed)) {
            throw invalid(DssMessages.TOO_DEEP);
        }
        SignedDocumentValidator validator;
        try {
            validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed, "signed"));
        } catch (DSSException | IllegalInputException | UnsupportedOperationException e) {
            throw invalid(DssMessages.explain("no signature format recognises this document", e));
        } catch (StackOverflowError e) {
            // recursive ASN.1 and XML parsers give up on hostile nesting this way; the thread unwinds cleanly
            throw invalid(DssMessages.TOO_DEEP);
        }
        validator.setCertificateVerifier(verifier);
        if (validator instanceof PDFDocumentValidator pdf) {
            pdf.setPdfObjFactory(pdfLimits.objectFactory());
        }
        if (!originals.isEmpty()) {
            validator.setDetachedContents(originals);
        }
        try {
            return validator.validateDocument(ValidationPolicies.standard());
        } catch (DSSException | IllegalInputException | IllegalStateException e) {
            throw invalid(DssMessages.explain("the document cannot be validated", e));
        } catch (StackOverflowError e) {
            throw invalid(DssMessages.TOO_DEEP);
        }
    }

    private static List<ValidationResult.SignatureOutcome> outcomes(Reports reports, long documentLength) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<ValidationResult.SignatureOutcome> outcomes = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper signature = diagnostic.getSignatureById(id);
            outcomes.add(new ValidationResult.SignatureOutcome(id, String.valueOf(simple.getIndication(id)),
                    simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name(),
                    String.valueOf(simple.getSignatureFormat(id)),
                    simple.getSigningTime(id) == null ? null : simple.getSigningTime(id).toInstant().toString(),
                    simple.getSignedBy(id), texts(simple.getAdESValidationErrors(id)),
                    texts(simple.getAdESValidationWarnings(id)), texts(simple.getAdESValidationInfo(id)),
                    signature == null ? null : pdfModifications(signature.getPDFRevision(), documentLength)));
        }
        return outcomes;
    }

    private static ValidationResult.PdfModifications pdfModifications(PDFRevisionWrapper revision, long documentLength) {
        if (revision == null) {
            return null;
        }
        List<BigInteger> range = revision.getSignatureByteRange();
        // the signed revision ends where the byte range's second part ends; anything after it came later
        boolean coversWholeDocument = range != null && range.size() == 4
                && range.get(2).add(range.get(3)).equals(BigInteger.valueOf(documentLength));
        return new ValidationResult.PdfModifications(revision.arePdfModificationsDetected(),
                pages(revision.getPdfVisualDifferenceConcernedPages()), pages(revision.getPdfPageDifferenceConcernedPages()),
                pages(revision.getPdfAnnotationsOverlapConcernedPages()), revision.getPdfExtensionChanges().size(),
                revision.getPdfSignatureOrFormFillChanges().size(), revision.getPdfAnnotationChanges().size(),
                revision.getPdfUndefinedChanges().size(), revision.isSignatureByteRangeValid(), coversWholeDocument);
    }

    private static List<Integer> pages(List<BigInteger> pages) {
        return pages == null ? List.of() : pages.stream().map(BigInteger::intValue).toList();
    }

    private static List<String> texts(List<Message> messages) {
        return messages == null ? List.of() : messages.stream().map(Message::getValue).toList();
    }

    private static JsonValue report(String xmlReport, boolean xml) {
        return xml ? Json.createValue(xmlReport) : XmlToJson.convert(xmlReport);
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
