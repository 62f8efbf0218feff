package org.sigillum.csc;

import java.util.List;
import org.sigillum.api.csc.CredentialInfo;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.keys.CredentialEntity;

/** A stored credential as CSC v2 describes it. */
final class CredentialInfos {

    static final List<String> RSA_ALGORITHMS = List.of("1.2.840.113549.1.1.1", "1.2.840.113549.1.1.11",
            "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", "1.2.840.113549.1.1.10");
    static final List<String> EC_ALGORITHMS = List.of("1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4");
    private static final CredentialInfo.Auth PIN_AUTH = new CredentialInfo.Auth("explicit", "PIN", List.of(
            new CredentialInfo.AuthObject("Password", "PIN", "N", "PIN", "The signing PIN of your account")));

    private CredentialInfos() {
    }

    static CredentialInfo of(CredentialEntity credential, boolean withId, boolean withAuth, int multisign) {
        boolean rsa = KeyAlgorithm.valueOf(credential.keyAlgorithm()) == KeyAlgorithm.RSA;
        CredentialInfo.Key key = new CredentialInfo.Key(credential.enabled() ? "enabled" : "disabled",
                rsa ? RSA_ALGORITHMS : EC_ALGORITHMS, credential.keyLength(), rsa ? null : credential.curve());
        return new CredentialInfo(withId ? credential.id() : null, null, key, withAuth ? PIN_AUTH : null,
                credential.scal(), multisign, "en");
    }
}
