package org.sigillum.federation.saml;

/**
 * Why a SAML message was not accepted. The reason's code goes to the audit record and the refusal page; the
 * detail only to the audit record (it may name values from the message, which the user need not see).
 */
public final class SamlRefusal extends Exception {

    /** The rule a message broke; the checklist ID says which requirement it enforces. */
    public enum Reason {
        MALFORMED("saml_malformed", "C9"),
        SCHEMA("saml_schema_invalid", "C9"),
        UNSIGNED("saml_unsigned_assertion", "C9"),
        BAD_SIGNATURE("saml_bad_signature", "C9"),
        WRAPPING("saml_signature_wrapping", "C9"),
        DECRYPTION("saml_decryption_failed", "C9"),
        ISSUER("saml_wrong_issuer", "C10"),
        STATUS("saml_not_successful", "C10"),
        IN_RESPONSE_TO("saml_wrong_in_response_to", "C10"),
        DESTINATION("saml_wrong_destination", "C10"),
        RECIPIENT("saml_wrong_recipient", "C10"),
        AUDIENCE("saml_wrong_audience", "C10"),
        EXPIRED("saml_expired", "C10"),
        NOT_YET_VALID("saml_not_yet_valid", "C10"),
        REPLAYED("saml_replayed", "C10"),
        NO_SUBJECT("saml_no_subject", "C10");

        private final String code;
        private final String checklistId;

        Reason(String code, String checklistId) {
            this.code = code;
            this.checklistId = checklistId;
        }

        public String code() {
            return code;
        }

        public String checklistId() {
            return checklistId;
        }
    }

    private final Reason reason;

    public SamlRefusal(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public SamlRefusal(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
