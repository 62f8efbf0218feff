package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.spi.DSSUtils;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.audit.Events;
import org.sigillum.csc.CscCallers;
import org.sigillum.enrollment.Enrollment;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.sam.SignatureSchemes;

/**
 * CSC signDoc: every document is read and its data to be signed computed before the SAD is spent, so a document
 * DSS cannot read costs the user nothing; then the SAM checks the documents' digests against the SAD and signs
 * the data-to-be-signed digests, and DSS embeds each value, checked first, under the same parameters.
 */
@Stateless
public class DocumentSigningBean implements DocumentSigning {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private SignatureActivation sam;
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

    @Override
    public SignDocResponse signDoc(TokenPrincipal caller, String credentialToken, SignDocRequest request)
            throws ServiceException {
        String sad = CscCallers.signingSad(caller, request == null ? null : request.sad(), credentialToken);
        String userId = caller.userId();
        String credentialId = request.credentialID();
        try {
            CredentialEntity credential = CscCallers.ownCredential(em, caller, credentialId);
            List<SignDocRequest.Document> documents = documents(request);
            SigningSetup setup = SigningSetup.of(credential, enrollment, commonScheme(documents));
            List<PreparedSignature> prepared = new ArrayList<>();
            List<byte[]> documentDigests = new ArrayList<>();
            List<byte[]> dataToSignDigests = new ArrayList<>();
            Set<String> formats = new LinkedHashSet<>();
            for (SignDocRequest.Document document : documents) {
                byte[] content = decode(document.document());
                DocumentFormat format = DocumentFormat.of(document.signatureFormat());
                AbstractSignatureParameters<?> parameters = format.parameters(document.signedEnvelopeProperty());
                setup.apply(parameters, format, document.conformanceLevel());
                PreparedSignature signature = new PreparedSignature(services.service(format),
                        new InMemoryDocument(content, "document"), parameters, format.detached(parameters));
                dataToSignDigests.add(DSSUtils.digest(setup.digest(), timeBudget.run(() -> signature.dataToSign(format))));
                documentDigests.add(DSSUtils.digest(setup.digest(), content));
                prepared.add(signature);
                formats.add(parameters.getSignatureLevel().name() + "/" + parameters.getSignaturePackaging().name());
            }
            List<byte[]> values = sam.signDocuments(sad, userId, credential.wrappedKey(), credential.keyCachePolicy(),
                    setup.scheme(), documentDigests, dataToSignDigests);
            SignatureAlgorithm algorithm = setup.algorithm();
            List<String> signed = new ArrayList<>();
            List<String> detached = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                DSSDocument result = prepared.get(i).sign(new SignatureValue(algorithm, values.get(i)));
                (prepared.get(i).detached() ? detached : signed).add(Base64.getEncoder().encodeToString(DssDocuments.bytes(result)));
            }
            audit.record(new AuditEvent(Events.SIGNED, AuditEvent.Outcome.SUCCESS, userId, userId, credentialId,
                    Map.of("method", "signDoc", "documents", String.valueOf(prepared.size()),
                            "formats", String.join(" ", formats))).counting(prepared.size()));
            return new SignDocResponse(signed.isEmpty() ? null : signed, detached.isEmpty() ? null : detached);
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.SIGNING_REFUSED, e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE
                    || e.code() == ErrorCode.SERVER_ERROR ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.REFUSED,
                    userId, userId, credentialId, Map.of("method", "signDoc", "reason", e.getMessage())));
            throw e;
        }
    }

    private List<SignDocRequest.Document> documents(SignDocRequest request) throws ServiceException {
        if (request.documentDigests() != null && !request.documentDigests().isEmpty()) {
            throw invalid("documentDigests are not accepted yet; send the documents");
        }
        List<SignDocRequest.Document> documents = request.documents();
        if (documents == null || documents.isEmpty() || documents.size() > maxDocuments) {
            throw invalid("between 1 and " + maxDocuments + " documents are required");
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
    private static SignatureScheme commonScheme(List<SignDocRequest.Document> documents) throws ServiceException {
        SignDocRequest.Document first = documents.get(0);
        for (SignDocRequest.Document document : documents) {
            if (!java.util.Objects.equals(document.signAlgo(), first.signAlgo())
                    || !java.util.Objects.equals(document.signAlgoParams(), first.signAlgoParams())) {
                throw invalid("all documents of one call must use the same signAlgo");
            }
        }
        return SignatureSchemes.fromCsc(first.signAlgo(), null, first.signAlgoParams());
    }

    private static byte[] decode(String base64) throws ServiceException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid("document must be base64");
        }
    }


    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
