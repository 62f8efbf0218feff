package org.sigillum.api.federation;

/** One link between an account and an identity at a provider. */
public record IdentityLinkView(String id, String userId, String provider, String subject, String createdAt) {
}
