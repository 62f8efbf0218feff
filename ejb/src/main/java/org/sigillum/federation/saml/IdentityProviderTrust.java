package org.sigillum.federation.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What Sigillum trusts of one SAML identity provider, as read from its metadata: its entity ID, where to send
 * the user and the logout, and the certificates whose keys alone may sign its assertions. A key in a message's
 * own KeyInfo is never among them.
 */
public record IdentityProviderTrust(String entityId, String singleSignOnUrl, String singleLogoutUrl,
                                    List<X509Certificate> signingCertificates) {

    public IdentityProviderTrust {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(singleSignOnUrl, "singleSignOnUrl");
        signingCertificates = List.copyOf(signingCertificates);
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("the identity provider's metadata names no signing key");
        }
    }
}
