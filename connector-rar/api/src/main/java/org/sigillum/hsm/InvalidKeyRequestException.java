package org.sigillum.hsm;

/** The caller asked for something the HSM policy refuses: wrong digest length, unknown scheme, bad key size. */
public class InvalidKeyRequestException extends HsmException {

    private static final long serialVersionUID = 1L;

    public InvalidKeyRequestException(String message) {
        super(message);
    }
}
