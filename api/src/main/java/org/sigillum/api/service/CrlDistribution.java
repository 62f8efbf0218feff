package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;

/** The current CRLs of the built-in CAs. */
@Local
public interface CrlDistribution {

    /** DER of the current CRL of the CA named "root" or "issuing", made afresh when the stored one is due. */
    byte[] crl(String caName) throws ServiceException;
}
