package org.sigillum.documents;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.SignatureActivation;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.keys.CredentialEntity;

/**
 * The one transaction of a document signing call: the SAM spends the SAD and signs, and the signature is audited,
 * in a transaction that holds a database connection for no longer than that. Preparing the documents before and
 * embedding the signatures after (DSS work, time-stamp and revocation fetches) run outside any transaction, so that
 * slow documents cannot outlive the transaction timeout and roll back the record of a signature the HSM made.
 */
@Stateless
@LocalBean
public class SigningTransaction {

    @EJB
    private SignatureActivation sam;
    @EJB
    private AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<byte[]> signAndRecord(TokenPrincipal caller, String sad, CredentialEntity credential, SignatureScheme scheme,
                                      List<byte[]> documentDigests, List<byte[]> dataToSignDigests, AuditEvent signed)
            throws ServiceException {
        List<byte[]> values = sam.signDocuments(caller, sad, credential.wrappedKey(), credential.keyCachePolicy(),
                scheme, documentDigests, dataToSignDigests);
        audit.record(signed);
        return values;
    }
}
