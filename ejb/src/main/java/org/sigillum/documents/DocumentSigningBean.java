package org.sigillum.documents;

import org.sigillum.tenancy.Tenants;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSMessageDigest;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.spi.DSSUtils;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.SignDocRequest;
import org.sigillum.api.csc.SignDocResponse;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.DocumentSigning;
import org.sigillum.audit.Events;
import org.sigillum.csc.CscCallers;
import org.sigillum.enrollment.Enrollment;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.sam.SignatureSchemes;

/**
 * CSC signDoc, with whole documents in base64 or with documents' digests, through {@link SigningBatch}: every
 * signature prepared before the SAD is spent, then signed by the SAM at once and embedded, each value checked first.
 * File names and container structure are refused before the SAD is spent; any failure after the HSM signed is
 * audited as FAILED.
 */
@Stateless
public class DocumentSigningBean implements DocumentSigning {

    private static final String METHOD = "signDoc";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private SigningTransaction signingTransaction;
    @EJB
    private AuditTrail audit;
    @Inject
    private Enrollment enrollment;
    @Inject
    private SignatureServices services;
    @Inject
    private TimeBudget timeBudget;

    @Inject
    @ConfigProperty(name = "sigillum.documents.max-per-request", defaultValue = "10")
    int maxDocuments;

    /** Outside any transaction: only {@link SigningTransaction} holds one, around the SAD, the HSM and the audit. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SignDocResponse signDoc(TokenPrincipal caller, String credentialToken, SignDocRequest request)
            throws ServiceException {
        String sad = CscCallers.signingSad(caller, request == null ? null : request.sad(), credentialToken);
        String userId = caller.userId();
        String credentialId = request.credentialID();
        try {
            CredentialEntity credential = CscCallers.ownCredential(em, caller, credentialId);
            Set<String> formats = new LinkedHashSet<>();
            SigningBatch batch = hasDigests(request) ? digestsBatch(credential, request, formats)
                    : documentsBatch(credential, request, formats);
            // fetched before the SAD is spent: once a signature is made and audited, nothing may fail its answer
            SignDocResponse.ValidationInfo validationInfo = Boolean.TRUE.equals(request.returnValidationInfo())
                    ? ValidationInfo.of(batch.setup().chain(), services.verifier()) : null;
            AuditEvent signedRecord = new AuditEvent(Events.SIGNED, AuditEvent.Outcome.SUCCESS, userId, userId,
                    credentialId, Map.of("method", METHOD, "documents", String.valueOf(batch.signatures()),
                            "formats", String.join(" ", formats))).counting(batch.signatures());
            List<DSSDocument> results = batch.sign(signingTransaction, caller, sad, credential, signedRecord);
            List<String> signed = new ArrayList<>();
            List<String> detached = new ArrayList<>();
            try {
                for (int i = 0; i < results.size(); i++) {
                    (batch.detached(i) ? detached : signed).add(Base64.getEncoder().encodeToString(
                            DssDocuments.bytes(results.get(i))));
                }
            } catch (RuntimeException e) {
                throw SigningBatch.afterSigning(e);
            }
            return new SignDocResponse(signed.isEmpty() ? null : signed, detached.isEmpty() ? null : detached,
                    validationInfo);
        } catch (ServiceException e) {
            audit.recordRefusal(SigningBatch.refusal(METHOD, userId, credentialId, e));
            throw e;
        }
    }

    private static String formatOf(AbstractSignatureParameters<?> parameters) {
        return parameters.getSignatureLevel().name() + "/" + parameters.getSignaturePackaging().name();
    }

    private SigningBatch documentsBatch(CredentialEntity credential, SignDocRequest request, Set<String> formats)
            throws ServiceException {
        List<SignDocRequest.Document> documents = documents(request);
        SignDocRequest.Document first = documents.get(0);
        for (SignDocRequest.Document document : documents) {
            requireSameAlgorithm(document.signAlgo(), document.signAlgoParams(), first.signAlgo(), first.signAlgoParams());
        }
        SigningBatch batch = new SigningBatch(SigningSetup.of(credential, enrollment,
                SignatureSchemes.fromCsc(first.signAlgo(), null, first.signAlgoParams()),
                Tenants.policyOfUser(em, credential.ownerId())), timeBudget);
        for (SignDocRequest.Document document : documents) {
            byte[] content = decode(document.document(), "document");
            DocumentFormat format = DocumentFormat.of(document.signatureFormat());
            AbstractSignatureParameters<?> parameters = format.parameters(document.signedEnvelopeProperty());
            batch.setup().apply(parameters, format, document.conformanceLevel());
            batch.add(new PreparedSignature(services.service(format), new InMemoryDocument(content, "document"),
                    parameters, format.detached(parameters)), format, List.of(DSSUtils.digest(batch.setup().digest(), content)));
            formats.add(formatOf(parameters));
        }
        return batch;
    }

    /**
     * Each hash becomes one signature object: a detached CAdES, XAdES or JAdES signature over a document named
     * {@code document-N} (N counting the hashes of the call from 1), or the PAdES CMS for a PDF's byte ranges.
     */
    private SigningBatch digestsBatch(CredentialEntity credential, SignDocRequest request, Set<String> formats)
            throws ServiceException {
        if (request.documents() != null && !request.documents().isEmpty()) {
            throw invalid("send either documents or documentDigests, not both");
        }
        List<SignDocRequest.DocumentDigests> entries = request.documentDigests();
        SignDocRequest.DocumentDigests first = entries.get(0);
        int count = 0;
        for (SignDocRequest.DocumentDigests entry : entries) {
            if (entry == null || entry.hashes() == null || entry.hashes().isEmpty()) {
                throw invalid("each documentDigests entry needs hashes");
            }
            if (entry.signedProps() != null && !entry.signedProps().isEmpty()) {
                throw invalid("signed_props are not supported");
            }
            requireSameAlgorithm(entry.signAlgo(), entry.signAlgoParams(), first.signAlgo(), first.signAlgoParams());
            count += entry.hashes().size();
        }
        if (count > maxDocuments) {
            throw invalid("between 1 and " + maxDocuments + " hashes are allowed per call");
        }
        SigningBatch batch = new SigningBatch(SigningSetup.of(credential, enrollment,
                SignatureSchemes.fromCsc(first.signAlgo(), null, first.signAlgoParams()),
                Tenants.policyOfUser(em, credential.ownerId())), timeBudget);
        DigestAlgorithm digestAlgorithm = batch.setup().digest();
        int number = 0;
        for (SignDocRequest.DocumentDigests entry : entries) {
            if (!digestAlgorithm.getOid().equals(entry.hashAlgorithmOID())) {
                throw invalid("hashAlgorithmOID must be " + digestAlgorithm.getOid() + ", the hash of signAlgo");
            }
            DocumentFormat format = DocumentFormat.of(entry.signatureFormat());
            for (String hash : entry.hashes()) {
                byte[] digest = decode(hash, "hash");
                if (digest.length != batch.setup().scheme().digest().length()) {
                    throw invalid("a hash has the wrong length for " + digestAlgorithm.getName());
                }
                number++;
                AbstractSignatureParameters<?> parameters = format.digestParameters(entry.signedEnvelopeProperty());
                batch.setup().apply(parameters, format, entry.conformanceLevel());
                if (format == DocumentFormat.PADES && parameters.getSignatureLevel() != SignatureLevel.PAdES_BASELINE_B
                        && parameters.getSignatureLevel() != SignatureLevel.PAdES_BASELINE_T) {
                    throw invalid("a PDF's digest is signed at AdES-B-B or AdES-B-T; extend the signed PDF to LT or LTA "
                            + "with /api/v1/signatures/extend");
                }
                PendingSignature signature = format == DocumentFormat.PADES
                        ? services.pdfDigest(new DSSMessageDigest(digestAlgorithm, digest), (PAdESSignatureParameters) parameters)
                        : new PreparedSignature(services.service(format), digestDocument(digestAlgorithm, hash, number),
                                parameters, true);
                batch.add(signature, format, List.of(digest));
                formats.add(formatOf(parameters));
            }
        }
        return batch;
    }

    private static DigestDocument digestDocument(DigestAlgorithm algorithm, String base64Hash, int number) {
        DigestDocument document = new DigestDocument(algorithm, base64Hash);
        document.setName("document-" + number);
        return document;
    }

    private static boolean hasDigests(SignDocRequest request) {
        return request.documentDigests() != null && !request.documentDigests().isEmpty();
    }

    private List<SignDocRequest.Document> documents(SignDocRequest request) throws ServiceException {
        List<SignDocRequest.Document> documents = request.documents();
        if (documents == null || documents.isEmpty() || documents.size() > maxDocuments) {
            throw invalid("between 1 and " + maxDocuments + " documents (or documentDigests) are required");
        }
        for (SignDocRequest.Document document : documents) {
            if (document == null || document.document() == null) {
                throw invalid("each document needs its base64 content");
            }
            if (document.signedProps() != null && !document.signedProps().isEmpty()) {
                throw invalid("signed_props are not supported");
            }
        }
        return documents;
    }

    /** One SAD covers the call, and the SAM signs with one scheme: every document must name the same one. */
    private static void requireSameAlgorithm(String signAlgo, String signAlgoParams, String firstAlgo,
                                             String firstParams) throws ServiceException {
        if (!Objects.equals(signAlgo, firstAlgo) || !Objects.equals(signAlgoParams, firstParams)) {
            throw invalid("all documents of one call must use the same signAlgo");
        }
    }

    private static byte[] decode(String base64, String what) throws ServiceException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid(what + " must be base64");
        }
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
