package org.sigillum.api.admin;

/**
 * Revocation of a credential's certificate. {@code reason} is an RFC 5280 CRLReason name: unspecified (the
 * default), keyCompromise, affiliationChanged, superseded, cessationOfOperation or privilegeWithdrawn.
 */
public record RevokeCredentialRequest(String reason) {
}
