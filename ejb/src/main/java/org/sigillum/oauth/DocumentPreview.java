package org.sigillum.oauth;

import java.io.Serializable;

/**
 * What the consent page shows of one document the application sent along: the first page of a PDF as a PNG,
 * an XML document pretty-printed, or nothing beyond its label, size and digest.
 */
record DocumentPreview(Kind kind, byte[] image, String text, long size) implements Serializable {

    enum Kind { IMAGE, TEXT, NONE }

    static DocumentPreview none(long size) {
        return new DocumentPreview(Kind.NONE, null, null, size);
    }

    @Override
    public String toString() {
        return "DocumentPreview[" + kind + ", " + size + " bytes]";
    }
}
