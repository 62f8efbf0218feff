package org.sigillum.federation.saml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigillum.api.federation.LevelOfAssurance;

/**
 * One identity provider's mapping from AuthnContextClassRef to a level of assurance, as the registry stores it
 * ({@code levelMapping}). It is read in both directions: a class asserted → its level, and a level needed → the
 * classes a step-up asks for.
 */
public final class LevelMapping {

    private final Map<String, String> levels;

    public LevelMapping(Map<String, String> levels) {
        this.levels = Map.copyOf(levels);
    }

    /** The level a class stands for, or null when the mapping does not name it (the sign-in then counts as low). */
    public LevelOfAssurance levelOf(String classRef) {
        return classRef == null ? null : LevelOfAssurance.parse(levels.get(classRef));
    }

    /** The classes that reach at least {@code needed}, sorted: what a step-up AuthnRequest asks the provider for. */
    public List<String> classesAtLeast(LevelOfAssurance needed) {
        List<String> classes = new ArrayList<>();
        levels.forEach((classRef, value) -> {
            LevelOfAssurance level = LevelOfAssurance.parse(value);
            if (level != null && level.atLeast(needed)) {
                classes.add(classRef);
            }
        });
        classes.sort(null);
        return classes;
    }
}
