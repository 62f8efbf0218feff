package org.sigillum.federation.saml;

import java.util.Locale;

/** eIDAS levels of assurance (the same scale carries NIST AAL1-3), in increasing order. */
public enum AssuranceLevel {
    LOW, SUBSTANTIAL, HIGH;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssuranceLevel of(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    public boolean atLeast(AssuranceLevel other) {
        return compareTo(other) >= 0;
    }
}
