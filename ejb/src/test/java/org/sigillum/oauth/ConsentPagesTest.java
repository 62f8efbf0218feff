package org.sigillum.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigillum.api.oauth.AuthorizationStep;

class ConsentPagesTest {

    private static AuthorizationTransaction signedIn(CredentialRequest credential, String scope) {
        PendingAuthorization pending = new PendingAuthorization("app", "The App", "https://app.example/cb", null, "c",
                scope, credential);
        return new AuthorizationTransaction("t1", "csrf1", pending, "u1", "alice", Instant.EPOCH, 0);
    }

    @Test
    void formCarriesTheTransactionItsCsrfValueAndTheClientName() {
        AuthorizationStep.Login login = ConsentPages.login(signedIn(null, "service"), "wrong");
        assertEquals(new AuthorizationStep.Form("t1", "csrf1", "The App"), login.form());
        assertEquals("wrong", login.error());
    }

    @Test
    void serviceConsentAsksForNoPinAndNamesNoCredential() {
        AuthorizationStep.Consent consent = ConsentPages.consent(signedIn(null, "service"), null, true, null);
        assertEquals("alice", consent.userName());
        assertEquals("service", consent.scope());
        assertNull(consent.credential());
        assertFalse(consent.pinRequired());
        assertFalse(consent.otpRequired());
        assertTrue(consent.documents().isEmpty());
    }

    @Test
    void credentialConsentListsEveryDigestWithItsLabelAndPreview() {
        CredentialRequest credential = new CredentialRequest("c1", 3, "2.16.840.1.101.3.4.2.1",
                List.of("aGFzaDE=", "aGFzaDI=", "aGFzaDM="), List.of("first.pdf", "second.xml"), "quarterly report", null,
                List.of(new DocumentPreview(DocumentPreview.Kind.IMAGE, new byte[] {1}, null, 1234),
                        new DocumentPreview(DocumentPreview.Kind.TEXT, null, "<a/>", 4)));
        AuthorizationStep.Consent consent = ConsentPages.consent(signedIn(credential, "credential"),
                ConsentPages.describeKey("EC", "P-256", 256, "c1"), true, "try again");
        assertEquals("EC P-256 (c1)", consent.credential());
        assertEquals(3, consent.numSignatures());
        assertEquals("quarterly report", consent.description());
        assertTrue(consent.pinRequired());
        assertTrue(consent.otpRequired());
        assertEquals("try again", consent.error());
        assertEquals(List.of(new AuthorizationStep.Document("first.pdf", "aGFzaDE=", "image", null, 1234),
                new AuthorizationStep.Document("second.xml", "aGFzaDI=", "text", "<a/>", 4),
                new AuthorizationStep.Document("", "aGFzaDM=", null, null, -1)), consent.documents());
    }

    @Test
    void rsaKeyIsDescribedByItsLength() {
        assertEquals("RSA 3072 (c9)", ConsentPages.describeKey("RSA", null, 3072, "c9"));
    }
}
