package org.sigillum.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sigillum.api.oauth.AuthorizationStep;

/**
 * What the login and consent pages show for a transaction: the form to post back, and on the consent page the
 * scope, the credential and each document's label, digest and preview. Plain data; the web tier renders it.
 */
final class ConsentPages {

    private ConsentPages() {
    }

    static AuthorizationStep.Form form(AuthorizationTransaction transaction) {
        return new AuthorizationStep.Form(transaction.id(), transaction.csrf(), transaction.pending().clientName());
    }

    static AuthorizationStep.Login login(AuthorizationTransaction transaction, String error) {
        return new AuthorizationStep.Login(form(transaction), error);
    }

    /**
     * The consent page. {@code credential} describes the key to be used (null for the service scope);
     * {@code otpRequired} says whether the user must give a one-time code besides the PIN.
     */
    static AuthorizationStep.Consent consent(AuthorizationTransaction transaction, String credential, boolean otpRequired,
                                             String error) {
        PendingAuthorization pending = transaction.pending();
        CredentialRequest request = pending.credential();
        if (request == null) {
            return new AuthorizationStep.Consent(form(transaction), transaction.userName(), pending.scope(), null, 0, null,
                    List.of(), false, false, error);
        }
        List<AuthorizationStep.Document> documents = new ArrayList<>();
        for (int i = 0; i < request.hashes().size(); i++) {
            String label = i < request.labels().size() ? request.labels().get(i) : "";
            DocumentPreview preview = i < request.previews().size() ? request.previews().get(i) : DocumentPreview.none(-1);
            documents.add(new AuthorizationStep.Document(label, request.hashes().get(i),
                    preview.kind() == DocumentPreview.Kind.NONE ? null : preview.kind().name().toLowerCase(Locale.ROOT),
                    preview.text(), preview.size()));
        }
        return new AuthorizationStep.Consent(form(transaction), transaction.userName(), pending.scope(), credential,
                request.numSignatures() == null ? 0 : request.numSignatures(), request.description(), documents,
                true, otpRequired, error);
    }

    /** A key as the user knows it: algorithm, curve or length, and the credential ID. */
    static String describeKey(String algorithm, String curve, int keyLength, String credentialId) {
        return algorithm + " " + (curve != null ? curve : keyLength) + " (" + credentialId + ")";
    }
}
