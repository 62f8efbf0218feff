package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.spi.DSSUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.audit.Events;
import org.sigillum.keys.CredentialEntity;

/**
 * The signatures of one signing call, whatever the API: each is prepared, its data to be signed computed within
 * the time budget, before the SAD is spent, so that a document DSS cannot read costs the user nothing; then the SAM
 * checks the documents' digests against the SAD and signs every data-to-be-signed digest at once, in a short
 * transaction with the audit record ({@link SigningTransaction}), and each value is checked and embedded under the
 * parameters it was prepared with, outside that transaction. A failure after the HSM signed is a failure of ours:
 * the caller gets a server error and the audit trail a FAILED record.
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

    int signatures() {
        return signatures.size();
    }

    /**
     * The signed results in the order the signatures were added; {@code signed} is the audit record of the signatures,
     * written with them.
     */
    List<DSSDocument> sign(SigningTransaction transaction, TokenPrincipal caller, String sad, CredentialEntity credential,
                           AuditEvent signed) throws ServiceException {
        List<byte[]> values;
        try {
            values = transaction.signAndRecord(caller, sad, credential, setup.scheme(), documentDigests,
                    dataToSignDigests, signed);
        } catch (RuntimeException e) {
            // the HSM may have signed before the audit record or the commit failed: the SAD is spent all the same
            throw new ServiceException(ErrorCode.SERVER_ERROR, "signing failed; authorize again", e);
        }
        SignatureAlgorithm algorithm = setup.algorithm();
        List<DSSDocument> results = new ArrayList<>();
        try {
            for (int i = 0; i < signatures.size(); i++) {
                results.add(signatures.get(i).sign(new SignatureValue(algorithm, values.get(i))));
            }
        } catch (RuntimeException e) {
            throw afterSigning(e);
        }
        return results;
    }

    /** A failure once the HSM has signed: never the caller's refusal, always audited as FAILED by the caller. */
    static ServiceException afterSigning(Exception e) {
        return new ServiceException(ErrorCode.SERVER_ERROR, "the signature was made but the signed document could not "
                + "be produced; authorize again", e);
    }

    boolean detached(int index) {
        return signatures.get(index).detached();
    }

    /** The audit record of a refused or failed signing call; a failure of ours is not the caller's refusal. */
    static AuditEvent refusal(String method, String userId, String credentialId, ServiceException e) {
        return new AuditEvent(Events.SIGNING_REFUSED, e.code().serverSide() ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.REFUSED,
                userId, userId, credentialId, Map.of("method", method, "reason", e.getMessage()));
    }
}
