package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;

/** The built-in RFC 3161 time-stamping authority. */
@Local
public interface TimeStampAuthority {

    /**
     * Answers a DER TimeStampReq with a DER TimeStampResp: a token, or a rejection with the reason RFC 3161
     * names (badAlg, badDataFormat, unacceptedPolicy…). Throws only when the TSA itself cannot work (HSM down).
     */
    byte[] respond(byte[] timeStampRequest) throws ServiceException;

    /**
     * A responder bound to the TSA key and certificates in use now that answers as {@link #respond} does without
     * calling this bean, for work at shutdown, when the server accepts no EJB calls any more (the audit log's
     * shutdown anchor). It throws IllegalStateException where {@link #respond} throws.
     */
    java.util.function.UnaryOperator<byte[]> detachedResponder() throws ServiceException;
}
