package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.spi.DSSUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.audit.Events;
import org.sigillum.keys.CredentialEntity;

/**
 * The signatures of one signing call, whatever the API: each is prepared, its data to be signed computed within
 * the time budget, before the SAD is spent, so that a document DSS cannot read costs the user nothing; then the SAM
 * checks the documents' digests against the SAD and signs every data-to-be-signed digest at once, and each value
 * is checked and embedded under the parameters it was prepared with.
 */
final class SigningBatch {

    private final SigningSetup setup;
    private final TimeBudget timeBudget;
    private final List<PendingSignature> signatures = new ArrayList<>();
    private final List<byte[]> documentDigests = new ArrayList<>();
    private final List<byte[]> dataToSignDigests = new ArrayList<>();

    SigningBatch(SigningSetup setup, TimeBudget timeBudget) {
        this.setup = setup;
        this.timeBudget = timeBudget;
    }

    SigningSetup setup() {
        return setup;
    }

    /** {@code documentDigests}: what the SAD must cover for this signature, one digest per document it signs. */
    void add(PendingSignature signature, DocumentFormat format, List<byte[]> documentDigests) throws ServiceException {
        dataToSignDigests.add(DSSUtils.digest(setup.digest(), timeBudget.run(() -> signature.dataToSign(format))));
        this.documentDigests.addAll(documentDigests);
        signatures.add(signature);
    }

    int documents() {
        return documentDigests.size();
    }

    /** The signed results in the order the signatures were added. */
    List<DSSDocument> sign(SignatureActivation sam, String sad, String userId, CredentialEntity credential)
            throws ServiceException {
        List<byte[]> values = sam.signDocuments(sad, userId, credential.wrappedKey(), credential.keyCachePolicy(),
                setup.scheme(), documentDigests, dataToSignDigests);
        SignatureAlgorithm algorithm = setup.algorithm();
        List<DSSDocument> results = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            results.add(signatures.get(i).sign(new SignatureValue(algorithm, values.get(i))));
        }
        return results;
    }

    boolean detached(int index) {
        return signatures.get(index).detached();
    }

    /** The audit record of a refused or failed signing call; a failure of ours is not the caller's refusal. */
    static AuditEvent refusal(String method, String userId, String credentialId, ServiceException e) {
        boolean ours = e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE || e.code() == ErrorCode.SERVER_ERROR;
        return new AuditEvent(Events.SIGNING_REFUSED, ours ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.REFUSED,
                userId, userId, credentialId, Map.of("method", method, "reason", e.getMessage()));
    }
}
