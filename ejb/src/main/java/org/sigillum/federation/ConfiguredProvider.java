package org.sigillum.federation;

import java.util.Map;
import org.sigillum.api.federation.LevelOfAssurance;

/**
 * An enabled provider as a protocol needs it, its secret opened (null where none is stored). Never logged:
 * {@link #toString} leaves the secret out.
 */
public record ConfiguredProvider(String alias, ProviderKind kind, String displayName, Map<String, String> settings,
                                 String secret, Map<String, String> levelMapping) {

    public ConfiguredProvider {
        settings = Map.copyOf(settings);
        levelMapping = Map.copyOf(levelMapping);
    }

    public String setting(String name) {
        return settings.get(name);
    }

    /** The level the provider's {@code acr} or AuthnContextClassRef value stands for, or null when unmapped. */
    public LevelOfAssurance level(String assertedContext) {
        return assertedContext == null ? null : LevelOfAssurance.parse(levelMapping.get(assertedContext));
    }

    /** The provider's context value for {@code level}: the one mapped to it, for asking a step-up. */
    public String contextFor(LevelOfAssurance level) {
        return levelMapping.entrySet().stream().filter(e -> level == LevelOfAssurance.parse(e.getValue()))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "ConfiguredProvider[" + alias + ", " + kind + "]";
    }
}
