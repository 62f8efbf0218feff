package org.sigillum.api.oauth;

import java.net.URI;
import java.util.List;

/** What the browser is shown next in an authorization-code flow: a login form, a consent form, or a redirect. */
public sealed interface AuthorizationStep {

    /** The transaction a form belongs to and the anti-CSRF value it must post back. */
    record Form(String transactionId, String csrf, String clientName) {

        @Override
        public String toString() {
            return "Form[" + clientName + "]";
        }
    }

    record Login(Form form, String error) implements AuthorizationStep {
    }

    /**
     * What the user is asked to approve: the scope, and for a credential authorization the credential, the
     * number of signatures and each document's label and digest. {@code codeChannels} are the ways a code can be sent
     * to the user from this page (EMAIL_OTP, SMS_OTP), {@code notice} says that one was sent.
     */
    record Consent(Form form, String userName, String scope, String credential, int numSignatures, String description,
                   List<Document> documents, boolean pinRequired, boolean otpRequired, String error,
                   List<String> codeChannels, String notice)
            implements AuthorizationStep {

        public Consent {
            documents = List.copyOf(documents);
            codeChannels = codeChannels == null ? List.of() : List.copyOf(codeChannels);
        }

        public Consent(Form form, String userName, String scope, String credential, int numSignatures, String description,
                       List<Document> documents, boolean pinRequired, boolean otpRequired, String error) {
            this(form, userName, scope, credential, numSignatures, description, documents, pinRequired, otpRequired, error,
                    List.of(), null);
        }
    }

    /**
     * One document: its label and digest, and when the application sent it along, a preview: {@code image} (the
     * first page, fetched from the preview address by its position) or {@code text} (pretty-printed XML).
     */
    record Document(String label, String digest, String preview, String text, long size) {
    }

    record Redirect(URI location) implements AuthorizationStep {
    }
}
