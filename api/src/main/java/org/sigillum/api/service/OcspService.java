package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;

/** The RFC 6960 OCSP responder for the certificates of the built-in issuing CA. */
@Local
public interface OcspService {

    /**
     * Answers a DER OCSPRequest with a DER OCSPResponse: statuses signed by the issuing CA, or malformedRequest
     * or unauthorized. Throws only when the responder itself cannot work (HSM down).
     */
    byte[] respond(byte[] ocspRequest) throws ServiceException;
}
