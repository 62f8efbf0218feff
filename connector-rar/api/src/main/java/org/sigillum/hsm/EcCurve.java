package org.sigillum.hsm;

import java.util.Arrays;
import java.util.Optional;

/** The curves Sigillum generates keys on, with the names the CSC API and X.509 use. */
public enum EcCurve {
    P256("P-256", "1.2.840.10045.3.1.7", 32),
    P384("P-384", "1.3.132.0.34", 48),
    P521("P-521", "1.3.132.0.35", 66);

    private final String cscName;
    private final String oid;
    private final int fieldBytes;

    EcCurve(String cscName, String oid, int fieldBytes) {
        this.cscName = cscName;
        this.oid = oid;
        this.fieldBytes = fieldBytes;
    }

    public String cscName() {
        return cscName;
    }

    public String oid() {
        return oid;
    }

    public int fieldBytes() {
        return fieldBytes;
    }

    public static Optional<EcCurve> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.cscName.equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)).findFirst();
    }
}
