package org.sigillum.federation;

/** The protocols Sigillum is a relying party of. */
public enum ProviderKind {
    OIDC,
    SAML
}
