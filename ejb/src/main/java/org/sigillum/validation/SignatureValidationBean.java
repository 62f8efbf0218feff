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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.SignatureValidation;
import org.sigillum.api.validation.ValidationRequest;
import org.sigillum.api.validation.ValidationResult;
import org.sigillum.asn1.BerNesting;
import org.sigillum.documents.DssMessages;
import org.sigillum.documents.RequestDocuments;
import org.sigillum.documents.PdfLimits;
import org.sigillum.documents.TimeBudget;

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
    @Inject
    private ValidationSettings settings;

    /** DSS's reports and, per PDF signature id, the review of the revisions after it. */
    private record Validated(Reports reports, Map<String, PdfRevisionReview.Result> reviews) {
    }

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
        Validated validated = validate(signed, RequestDocuments.originals(request.originalDocuments()));
        Reports reports = validated.reports();
        List<ValidationResult.SignatureOutcome> outcomes = outcomes(reports, validated.reviews(), signed.length);
        return new ValidationResult(outcomes,
                wanted.contains("simple") ? report(reports.getXmlSimpleReport(), xml) : null,
                wanted.contains("detailed") ? report(reports.getXmlDetailedReport(), xml) : null,
                wanted.contains("etsi") ? report(reports.getXmlValidationReport(), xml) : null);
    }

    private Validated validate(byte[] signed, List<DSSDocument> originals) throws ServiceException {
        CommonCertificateVerifier verifier = trustAnchors.verifier();
        PdfRevisionReview review = new PdfRevisionReview(pdfLimits::streamCache, pdfLimits.compareBudget());
        return timeBudget.run(() -> {
            Reports reports = validateNow(signed, originals, verifier);
            return new Validated(reports, reviews(review, signed, reports.getDiagnosticData()));
        });
    }

    /** The revision review of every PDF signature whose byte range DSS read. */
    private static Map<String, PdfRevisionReview.Result> reviews(PdfRevisionReview review, byte[] signed,
                                                                 DiagnosticData diagnostic) {
        Map<String, PdfRevisionReview.Result> reviews = new HashMap<>();
        for (SignatureWrapper signature : diagnostic.getSignatures()) {
            PDFRevisionWrapper revision = signature.getPDFRevision();
            List<BigInteger> range = revision == null ? null : revision.getSignatureByteRange();
            if (range == null || range.size() != 4) {
                continue;
            }
            long[] byteRange = range.stream().mapToLong(BigInteger::longValue).toArray();
            PdfRevisionReview.Result result = review.review(signed, byteRange);
            if (result != null) {
                reviews.put(signature.getId(), result);
            }
        }
        return reviews;
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

    private List<ValidationResult.SignatureOutcome> outcomes(Reports reports,
                                                             Map<String, PdfRevisionReview.Result> reviews,
                                                             long documentLength) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<ValidationResult.SignatureOutcome> outcomes = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper signature = diagnostic.getSignatureById(id);
            PdfRevisionReview.Result review = reviews.get(id);
            RevisionVerdict.Verdict verdict = RevisionVerdict.judge(String.valueOf(simple.getIndication(id)),
                    simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name(),
                    texts(simple.getAdESValidationWarnings(id)), review, settings.failCertificationViolations());
            outcomes.add(new ValidationResult.SignatureOutcome(id, verdict.indication(), verdict.subIndication(),
                    String.valueOf(simple.getSignatureFormat(id)),
                    simple.getSigningTime(id) == null ? null : simple.getSigningTime(id).toInstant().toString(),
                    simple.getSignedBy(id), texts(simple.getAdESValidationErrors(id)),
                    verdict.warnings(), texts(simple.getAdESValidationInfo(id)),
                    signature == null ? null : pdfModifications(signature.getPDFRevision(), review, documentLength)));
        }
        return outcomes;
    }

    private static ValidationResult.PdfModifications pdfModifications(PDFRevisionWrapper revision,
                                                                      PdfRevisionReview.Result review,
                                                                      long documentLength) {
        if (revision == null) {
            return null;
        }
        if (review == null) {
            // DSS could not place the signed revision in the document: nothing after it is vouched for
            review = new PdfRevisionReview.Result(null, List.of(new PdfRevisionReview.Revision(1, documentLength,
                    PdfRevisionReview.Kind.UNDEFINED, Map.of(), List.of(), true)), List.of(), List.of(), List.of());
        }
        List<BigInteger> range = revision.getSignatureByteRange();
        // the signed revision ends where the byte range's second part ends; anything after it came later
        boolean coversWholeDocument = range != null && range.size() == 4
                && range.get(2).add(range.get(3)).equals(BigInteger.valueOf(documentLength));
        PdfRevisionReview.Kind undefined = PdfRevisionReview.Kind.UNDEFINED;
        // an unaccounted revision without an object definition still counts as one undefined change
        long undefinedChanges = review.count(undefined) + review.revisions().stream()
                .filter(r -> r.kind() == undefined && r.objects(undefined).isEmpty()).count();
        return new ValidationResult.PdfModifications(RevisionVerdict.detected(review), review.visibleChangePages(),
                pages(revision.getPdfPageDifferenceConcernedPages()),
                pages(revision.getPdfAnnotationsOverlapConcernedPages()), review.count(PdfRevisionReview.Kind.LTV),
                review.count(PdfRevisionReview.Kind.SIGNATURE, PdfRevisionReview.Kind.FORM_FILL),
                review.count(PdfRevisionReview.Kind.ANNOTATION), undefinedChanges,
                revision.isSignatureByteRangeValid(), coversWholeDocument, !review.visibleChangePages().isEmpty(),
                review.visibleChangePages(), review.contentChangedPages(), review.pagesNotCompared(),
                review.unaccountedBytes(), review.certificationPermission(), review.certificationViolated(),
                review.revisions().stream().map(r -> new ValidationResult.PdfRevision(r.number(), r.end(),
                        r.kind().name(), r.objects(), r.pages(), r.unaccounted())).toList());
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
