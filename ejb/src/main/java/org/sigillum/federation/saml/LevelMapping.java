package org.sigillum.federation.saml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One identity provider's mapping from AuthnContextClassRef to a level of assurance, written by the operator
 * as {@code classRef=level} lines (or comma-separated). The entry {@code *=level} gives the level of any other
 * class; without it an unmapped class is refused rather than guessed.
 */
public final class LevelMapping {

    private static final String ANY = "*";

    private final Map<String, AssuranceLevel> levels;

    public LevelMapping(Map<String, AssuranceLevel> levels) {
        this.levels = Map.copyOf(levels);
    }

    public static LevelMapping parse(String text) {
        Map<String, AssuranceLevel> levels = new LinkedHashMap<>();
        if (text != null) {
            for (String entry : text.split("[,\\n]")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.lastIndexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("a level mapping entry is classRef=level: " + entry.strip());
                }
                try {
                    levels.put(entry.substring(0, equals).strip(), AssuranceLevel.of(entry.substring(equals + 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("a level is low, substantial or high: " + entry.strip(), e);
                }
            }
        }
        return new LevelMapping(levels);
    }

    /** The level a class stands for, or empty when the mapping says nothing about it. */
    public Optional<AssuranceLevel> levelOf(String classRef) {
        AssuranceLevel level = classRef == null ? null : levels.get(classRef);
        return Optional.ofNullable(level != null ? level : levels.get(ANY));
    }

    /** The classes that reach at least {@code needed}: what a step-up AuthnRequest asks the provider for. */
    public List<String> classesAtLeast(AssuranceLevel needed) {
        List<String> classes = new ArrayList<>();
        levels.forEach((classRef, level) -> {
            if (!ANY.equals(classRef) && level.atLeast(needed)) {
                classes.add(classRef);
            }
        });
        return classes;
    }
}
