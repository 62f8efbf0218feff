package org.sigillum.federation.saml;

import java.time.Duration;
import java.util.Objects;

/**
 * Sigillum as one SAML service provider: its entity ID, its assertion consumer and logout URLs, the NameID
 * format it asks for, and how far the identity provider's clock may be from ours.
 */
public record ServiceProvider(String entityId, String assertionConsumerUrl, String singleLogoutUrl,
                              String nameIdFormat, Duration clockSkew) {

    public static final String NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

    public ServiceProvider {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(assertionConsumerUrl, "assertionConsumerUrl");
        Objects.requireNonNull(singleLogoutUrl, "singleLogoutUrl");
        nameIdFormat = nameIdFormat == null || nameIdFormat.isBlank() ? NAMEID_UNSPECIFIED : nameIdFormat;
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the SAML clock skew must be between 0 and 10 minutes");
        }
    }
}
