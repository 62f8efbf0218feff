package org.sigillum.api.federation;

import java.util.Map;

/** An identity provider as the admin API shows it: never its secret, only whether one is stored. */
public record IdentityProviderView(String alias, String kind, String displayName, boolean enabled,
                                   Map<String, String> settings, boolean secretStored, Map<String, String> levelMapping,
                                   String createdAt, String updatedAt) {
}
