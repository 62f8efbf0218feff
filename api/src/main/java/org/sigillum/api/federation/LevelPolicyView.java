package org.sigillum.api.federation;

/**
 * The global level-of-assurance policy: the level a signing authorization at SCAL 1 and at SCAL 2 needs, the level
 * to create a key, and {@code stepUp}: {@code provider} (ask the identity provider for more) or {@code refuse}.
 */
public record LevelPolicyView(String scal1, String scal2, String keyCreation, String stepUp) {
}
