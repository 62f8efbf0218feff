package org.sigillum.federation.saml;

import java.time.Instant;

/**
 * What a valid, signed, unused assertion says: who the user is at the provider (the NameID, whole), how
 * strongly they were authenticated, and what single logout needs later.
 */
public record SamlLogin(String issuer, String subject, String nameIdFormat, String authnContextClassRef,
                        AssuranceLevel level, String assertionId, String sessionIndex, Instant authnInstant) {
}
