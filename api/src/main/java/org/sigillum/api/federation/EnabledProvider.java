package org.sigillum.api.federation;

/** What the sign-in page shows of an enabled provider. */
public record EnabledProvider(String alias, String kind, String displayName) {
}
