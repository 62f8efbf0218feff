package org.sigillum.hsm;

/** The token, its session or the pool failed; the request may succeed later on a fresh session. */
public class HsmUnavailableException extends HsmException {

    private static final long serialVersionUID = 1L;

    public HsmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
