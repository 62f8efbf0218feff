package org.sigillum.api.federation;

import java.util.Locale;

/**
 * The eIDAS levels of assurance (Regulation 2015/1502), in rising order; NIST AAL1–3 map onto the same scale.
 * Written in lower case in the API and in providers' level mappings.
 */
public enum LevelOfAssurance {
    LOW,
    SUBSTANTIAL,
    HIGH;

    public boolean atLeast(LevelOfAssurance required) {
        return compareTo(required) >= 0;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named {@code value} ({@code low}, {@code substantial}, {@code high}), or null when it names none. */
    public static LevelOfAssurance parse(String value) {
        if (value == null) {
            return null;
        }
        for (LevelOfAssurance level : values()) {
            if (level.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        return null;
    }
}
