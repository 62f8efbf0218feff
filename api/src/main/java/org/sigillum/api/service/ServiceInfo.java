package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.csc.InfoResponse;
import org.sigillum.api.error.ServiceException;

@Local
public interface ServiceInfo {

    InfoResponse info(String lang) throws ServiceException;

    /** The base URI of the OAuth 2.0 endpoints, as CSC's {@code oauth2} names it (no trailing slash). */
    String oauth2BaseUri();
}
