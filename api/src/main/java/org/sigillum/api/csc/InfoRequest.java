package org.sigillum.api.csc;

/** Body of CSC {@code info}: only the preferred language. */
public record InfoRequest(String lang) {
}
