package org.sigillum.web.documents;

/**
 * File names that come from callers and go back out in Content-Disposition headers and ZIP entries: the last path
 * segment only, without control characters or quotes, never empty.
 */
final class FileNames {

    private static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    static String safe(String submitted, int index) {
        String name = submitted == null ? "" : submitted;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > MAX_LENGTH) {
            name = name.substring(name.length() - MAX_LENGTH);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "document-" + (index + 1) : name;
    }

    /** An ASCII stand-in for the {@code filename} parameter; the exact name travels in {@code filename*}. */
    static String ascii(String name) {
        return name.replaceAll("[^\\x20-\\x7e]", "_");
    }
}
