package org.sigillum.audit;

import java.util.Map;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.error.ServiceException;

/** The audit events of the account and key services, and who caused them. */
public final class Events {

    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_CREATION_REFUSED = "USER_CREATION_REFUSED";
    public static final String CREDENTIAL_CREATED = "CREDENTIAL_CREATED";
    public static final String CREDENTIAL_CREATION_REFUSED = "CREDENTIAL_CREATION_REFUSED";
    public static final String CREDENTIAL_CREATION_FAILED = "CREDENTIAL_CREATION_FAILED";
    public static final String CREDENTIAL_DELETED = "CREDENTIAL_DELETED";
    public static final String CREDENTIAL_REVOKED = "CREDENTIAL_REVOKED";
    public static final String CREDENTIAL_REVOCATION_REFUSED = "CREDENTIAL_REVOCATION_REFUSED";
    public static final String CREDENTIAL_REVOCATION_FAILED = "CREDENTIAL_REVOCATION_FAILED";
    public static final String USER_DELETED = "USER_DELETED";
    public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    public static final String LOGIN_REFUSED = "LOGIN_REFUSED";
    public static final String AUTHORIZED = "AUTHORIZED";
    public static final String AUTHORIZATION_REFUSED = "AUTHORIZATION_REFUSED";
    public static final String AUTHORIZATION_EXTENDED = "AUTHORIZATION_EXTENDED";
    public static final String SIGNED = "SIGNED";
    public static final String SIGNING_REFUSED = "SIGNING_REFUSED";
    public static final String CLIENT_REGISTERED = "CLIENT_REGISTERED";
    public static final String CLIENT_REGISTRATION_REFUSED = "CLIENT_REGISTRATION_REFUSED";
    public static final String CLIENT_DELETED = "CLIENT_DELETED";
    public static final String TRUST_ANCHOR_ADDED = "TRUST_ANCHOR_ADDED";
    public static final String TRUST_ANCHOR_REMOVED = "TRUST_ANCHOR_REMOVED";
    public static final String TRUSTED_LISTS_REFRESHED = "TRUSTED_LISTS_REFRESHED";
    public static final String SIGNATURE_EXTENDED = "SIGNATURE_EXTENDED";
    public static final String TOTP_ENROLLED = "TOTP_ENROLLED";
    public static final String OTP_RECIPIENT_SET = "OTP_RECIPIENT_SET";
    public static final String OTP_RECIPIENT_REMOVED = "OTP_RECIPIENT_REMOVED";
    public static final String OTP_SENT = "OTP_SENT";
    public static final String OTP_SEND_REFUSED = "OTP_SEND_REFUSED";
    public static final String DEVICE_ENROLMENT_ISSUED = "DEVICE_ENROLMENT_ISSUED";
    public static final String DEVICE_REGISTERED = "DEVICE_REGISTERED";
    public static final String DEVICE_REGISTRATION_REFUSED = "DEVICE_REGISTRATION_REFUSED";
    public static final String DEVICE_DELETED = "DEVICE_DELETED";
    public static final String DEVICE_AUTHENTICATION_REFUSED = "DEVICE_AUTHENTICATION_REFUSED";
    public static final String DEVICE_APPROVAL_REQUESTED = "DEVICE_APPROVAL_REQUESTED";
    public static final String DEVICE_APPROVED = "DEVICE_APPROVED";
    public static final String DEVICE_DECLINED = "DEVICE_DECLINED";
    public static final String DEVICE_DECISION_REFUSED = "DEVICE_DECISION_REFUSED";
    public static final String TOKEN_ISSUED = "TOKEN_ISSUED";
    public static final String TOKEN_REFUSED = "TOKEN_REFUSED";
    public static final String CODE_ISSUED = "CODE_ISSUED";
    public static final String CONSENT_REFUSED = "CONSENT_REFUSED";
    public static final String CLIENT_AUTHENTICATION_REFUSED = "CLIENT_AUTHENTICATION_REFUSED";
    public static final String ADMIN_ACCESS_REFUSED = "ADMIN_ACCESS_REFUSED";
    public static final String TIMESTAMP_ISSUED = "TIMESTAMP_ISSUED";
    public static final String TIMESTAMP_REFUSED = "TIMESTAMP_REFUSED";
    public static final String TIMESTAMP_FAILED = "TIMESTAMP_FAILED";
    public static final String TOKEN_REVOKED = "TOKEN_REVOKED";
    public static final String TOKEN_REVOCATION_REFUSED = "TOKEN_REVOCATION_REFUSED";
    public static final String GROUP_CREATED = "GROUP_CREATED";
    public static final String GROUP_UPDATED = "GROUP_UPDATED";
    public static final String GROUP_DELETED = "GROUP_DELETED";
    public static final String GROUP_CHANGE_REFUSED = "GROUP_CHANGE_REFUSED";
    public static final String CLIENT_MOVED = "CLIENT_MOVED";
    public static final String CREDENTIAL_SUSPENDED = "CREDENTIAL_SUSPENDED";
    public static final String CREDENTIAL_RESUMED = "CREDENTIAL_RESUMED";
    public static final String USER_DISABLED = "USER_DISABLED";

    /** Longest claimed name (a client ID, a username) that a refusal record keeps. */
    private static final int MAX_CLAIMED = 64;

    private Events() {
    }

    /** A name the caller claimed but did not prove, kept short and without control characters. */
    public static String claimed(String name) {
        String cleaned = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > MAX_CLAIMED ? cleaned.substring(0, MAX_CLAIMED) : cleaned;
    }

    /** A refusal or failure, classified by whose fault it was, with the reason the caller was given. */
    public static AuditEvent unsuccessful(String refusedEvent, String failedEvent, ServiceException e, String actor,
                                          String userId, Map<String, String> details) {
        boolean serverSide = e.code().serverSide();
        Map<String, String> withReason = new java.util.HashMap<>(details);
        withReason.put("reason", e.getMessage());
        return new AuditEvent(serverSide ? failedEvent : refusedEvent,
                serverSide ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.REFUSED, actor, userId, null, withReason);
    }
}
