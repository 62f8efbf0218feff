package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.audit.AuditAnchorView;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.audit.AuditRecordView;
import org.sigillum.api.audit.AuditVerification;
import org.sigillum.api.error.ServiceException;

/** The tamper-evident audit log. */
@Local
public interface AuditTrail {

    /** Appends within the caller's transaction: the record commits with the action, or neither does. */
    void record(AuditEvent event);

    /** Appends in a transaction of its own: a refusal is kept although the refused action rolls back. */
    void recordRefusal(AuditEvent event);

    List<AuditRecordView> records(long fromSeq, int limit) throws ServiceException;

    /** A user's activity, newest first: the audit records naming the user (and, when given, one credential). */
    List<AuditRecordView> activity(String userId, String credentialId, int limit) throws ServiceException;

    AuditVerification verify();

    /** Anchors the heads of every chain now (besides the periodic anchors and the one at shutdown). */
    AuditAnchorView anchor() throws ServiceException;
}
