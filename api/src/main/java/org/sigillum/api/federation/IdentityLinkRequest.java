package org.sigillum.api.federation;

/** {@code {"provider": alias, "subject": …}}: the OIDC {@code sub} or the SAML NameID of the account's owner. */
public record IdentityLinkRequest(String provider, String subject) {
}
