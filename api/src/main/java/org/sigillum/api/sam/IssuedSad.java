package org.sigillum.api.sam;

/** The SAD handle handed to the application once, and how long it lives. */
public record IssuedSad(String value, long expiresInSeconds) {

    @Override
    public String toString() {
        return "IssuedSad[expiresIn=" + expiresInSeconds + "]";
    }
}
