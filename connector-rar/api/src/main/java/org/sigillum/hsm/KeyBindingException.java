package org.sigillum.hsm;

/** A wrapped blob was presented with a binding it was not issued for (copied to another credential or owner). */
public class KeyBindingException extends HsmException {

    private static final long serialVersionUID = 1L;

    public KeyBindingException(String message) {
        super(message);
    }
}
