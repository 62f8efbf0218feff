package org.sigillum.documents;

/**
 * DSS's explanation of why it cannot read a document, when it is one a caller can act on; messages that name Java
 * exceptions say nothing to an API client and reveal internals, so they are left out.
 */
public final class DssMessages {

    public static final String TOO_DEEP = "the document is nested too deeply to be read";

    private DssMessages() {
    }

    public static String explain(String summary, RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.contains("Exception") || message.length() > 300) {
            return summary;
        }
        return summary + ": " + message;
    }
}
