package org.sigillum.csc;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.sam.IssuedSad;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.SignatureActivation;

/**
 * Has the SAM issue a SAD and audits it in one transaction of its own: credentials/authorize verifies the
 * factors outside any transaction (no connection held while a PIN is hashed, checklist G2) and only then needs one.
 */
@Stateless
@LocalBean
public class AuditedSadIssuer {

    @EJB
    private SignatureActivation sam;
    @EJB
    private AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public IssuedSad issue(SadGrant grant, long maxLifetimeSeconds, AuditEvent authorized) {
        IssuedSad sad = sam.issue(grant, maxLifetimeSeconds);
        audit.record(authorized);
        return sad;
    }
}
