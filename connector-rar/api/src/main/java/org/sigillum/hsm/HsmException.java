package org.sigillum.hsm;

/** A request the HSM could not carry out. Subclasses say whose fault it was. */
public class HsmException extends Exception {

    private static final long serialVersionUID = 1L;

    public HsmException(String message) {
        super(message);
    }

    public HsmException(String message, Throwable cause) {
        super(message, cause);
    }
}
