package org.sigillum.api.validation;

/** The augmented document, base64, and the level it now claims. */
public record ExtensionResult(String signedDocument, String level) {

    @Override
    public String toString() {
        return "ExtensionResult[" + level + "]";
    }
}
