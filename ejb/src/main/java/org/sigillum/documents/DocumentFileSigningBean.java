package org.sigillum.documents;

import org.sigillum.tenancy.Tenants;

import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.documents.DocumentBatch;
import org.sigillum.api.documents.SignOptions;
import org.sigillum.api.documents.SignedDocument;
import org.sigillum.api.documents.UploadedDocument;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.DocumentFileSigning;
import org.sigillum.audit.Events;
import org.sigillum.csc.CscCallers;
import org.sigillum.enrollment.Enrollment;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.sam.SignatureSchemes;

/**
 * The Document Signature API: the same path as signDoc ({@link SigningBatch}), with documents read from and
 * written to files. PDFs stream through PDFBox and temporary files; formats that DSS builds in memory (XML, CMS,
 * JWS, ASiC) are bounded by a smaller limit so that no upload can exhaust the heap.
 */
@Stateless
public class DocumentFileSigningBean implements DocumentFileSigning {

    private static final String METHOD = "documents/sign";
    /** The name of one container that holds several files: {@code documents.asice}. */
    private static final String CONTAINER_NAME = "documents";

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

    @Inject
    @ConfigProperty(name = "sigillum.documents.max-in-memory-bytes", defaultValue = "33554432")
    long maxInMemoryBytes;

    /** Outside any transaction: only {@link SigningTransaction} holds one, around the SAD, the HSM and the audit. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SignedDocument> sign(TokenPrincipal caller, String credentialToken, DocumentBatch batch)
            throws ServiceException {
        SignOptions options = batch.options();
        String sad = CscCallers.signingSad(caller, options.sad(), credentialToken);
        String userId = caller.userId();
        try {
            CredentialEntity credential = CscCallers.ownCredential(em, caller, options.credentialID());
            if (batch.documents().isEmpty() || batch.documents().size() > maxDocuments) {
                throw invalid("between 1 and " + maxDocuments + " files are required");
            }
            DocumentFormat format = DocumentFormat.of(options.signatureFormat());
            AsicContainer container = AsicContainer.of(options.container());
            if (container != AsicContainer.NONE) {
                ContainerEntries.requireNoReservedName(batch.documents());
            }
            if (format != DocumentFormat.PADES) {
                PadesOptions.requireAbsent(options, batch.image());
            }
            SigningBatch signing = new SigningBatch(SigningSetup.of(credential, enrollment,
                    SignatureSchemes.fromCsc(options.signAlgo(), null, options.signAlgoParams()),
                Tenants.policyOfUser(em, credential.ownerId())), timeBudget);
            SigningSetup setup = signing.setup();
            List<String> names = new ArrayList<>();
            List<SignaturePackaging> packagings = new ArrayList<>();
            for (List<UploadedDocument> group : signedTogether(options, container, batch.documents())) {
                AbstractSignatureParameters<?> parameters = container.parameters(format, options.signedEnvelopeProperty());
                setup.apply(parameters, format, options.conformanceLevel());
                if (parameters instanceof PAdESSignatureParameters pades) {
                    PadesOptions.apply(pades, options, batch.image(), setup);
                } else {
                    requireInMemorySize(group);
                }
                List<DSSDocument> documents = new ArrayList<>();
                List<byte[]> documentDigests = new ArrayList<>();
                for (UploadedDocument upload : group) {
                    FileDocument document = new FileDocument(upload.file().toFile());
                    document.setName(upload.name());
                    documents.add(document);
                    documentDigests.add(FileDigests.digest(setup.digest(), upload.file()));
                }
                signing.add(new PreparedSignature(services.fileService(format, container, batch.workDirectory().toFile()),
                        documents, parameters, format.detached(parameters)), format, documentDigests);
                names.add(group.size() == 1 ? group.get(0).name() : CONTAINER_NAME);
                packagings.add(parameters.getSignaturePackaging());
            }
            AuditEvent signedRecord = new AuditEvent(Events.SIGNED, AuditEvent.Outcome.SUCCESS, userId, userId,
                    options.credentialID(), Map.of("method", METHOD, "documents", String.valueOf(signing.documents()),
                            "formats", format + (container == AsicContainer.NONE ? "" : " " + container),
                            "level", format.level(options.conformanceLevel()).name()))
                    .counting(signing.signatures());
            List<DSSDocument> results = signing.sign(signingTransaction, caller, sad, credential, signedRecord);
            List<SignedDocument> signed = new ArrayList<>();
            try {
                for (int i = 0; i < results.size(); i++) {
                    signed.add(SignedOutputs.write(results.get(i), names.get(i), format, packagings.get(i), container,
                            batch.workDirectory().resolve("signed-" + i)));
                }
            } catch (IOException | RuntimeException e) {
                throw SigningBatch.afterSigning(e);
            }
            return signed;
        } catch (ServiceException e) {
            audit.recordRefusal(SigningBatch.refusal(METHOD, userId, options.credentialID(), e));
            throw e;
        }
    }

    /**
     * The files signed together: each on its own, or, with {@code singleContainer}, all of them in one ASiC-E
     * container under one signature.
     */
    private static List<List<UploadedDocument>> signedTogether(SignOptions options, AsicContainer container,
                                                               List<UploadedDocument> uploads) throws ServiceException {
        if (!Boolean.TRUE.equals(options.singleContainer())) {
            return uploads.stream().map(List::of).toList();
        }
        if (container != AsicContainer.ASIC_E) {
            throw invalid("singleContainer puts every file into one ASiC-E container: container must be ASiC-E");
        }
        ContainerEntries.check(uploads);
        return List.of(uploads);
    }

    /**
     * XAdES, CAdES, JAdES and ASiC are built in memory by DSS: their documents get a tighter bound than PDFs, and the
     * files of one container share it.
     */
    private void requireInMemorySize(List<UploadedDocument> group) throws ServiceException {
        long total = 0;
        try {
            for (UploadedDocument upload : group) {
                total += Files.size(upload.file());
            }
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the uploaded document could not be read", e);
        }
        if (total > maxInMemoryBytes) {
            throw new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, group.size() == 1
                    ? "documents over " + maxInMemoryBytes + " bytes can be signed as PAdES only"
                    : "the files of one container may have " + maxInMemoryBytes + " bytes in all");
        }
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
