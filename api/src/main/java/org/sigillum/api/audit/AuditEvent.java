package org.sigillum.api.audit;

import java.util.Map;
import java.util.Objects;

/**
 * What happened, to be appended to the audit log: never a PIN, OTP, SAD value, password or key (checklist E1).
 * {@code details} are free-form facts (algorithm, reason); they are stored JSON-escaped, so a hostile value
 * cannot forge a record or a log line (E6).
 */
public record AuditEvent(String event, Outcome outcome, String actor, String userId, String credentialId,
                         Map<String, String> details, String clientId, Integer quantity) {

    public enum Outcome {
        SUCCESS,
        REFUSED,
        FAILED
    }

    public AuditEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An event of the client application that made the current request (the audit trail fills it in). */
    public AuditEvent(String event, Outcome outcome, String actor, String userId, String credentialId,
                      Map<String, String> details) {
        this(event, outcome, actor, userId, credentialId, details, null, null);
    }

    /** The same event, done for a client application the request did not authenticate as (OAuth endpoints). */
    public AuditEvent forClient(String client) {
        return new AuditEvent(event, outcome, actor, userId, credentialId, details, client, quantity);
    }

    /** The same event, counting {@code n} items (signatures made, signatures authorized) for usage. */
    public AuditEvent counting(int n) {
        return new AuditEvent(event, outcome, actor, userId, credentialId, details, clientId, n);
    }
}
