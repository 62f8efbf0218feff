package org.sigillum.web.error;

import java.io.IOException;

/** A request body grew past the limit while it was being read. */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("the request body exceeds " + limit + " bytes");
    }
}
