package org.sigillum.federation.saml;

import java.time.Instant;

/**
 * What a valid, signed, unused assertion says: who the user is at the provider (the NameID, whole), the
 * authentication context it vouches for (mapped to a level by the provider's mapping), and what single logout
 * needs later.
 */
public record SamlLogin(String issuer, String subject, String nameIdFormat, String authnContextClassRef,
                        String assertionId, String sessionIndex, Instant authnInstant) {
}
