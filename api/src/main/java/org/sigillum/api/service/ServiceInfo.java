package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.csc.InfoResponse;
import org.sigillum.api.error.ServiceException;

@Local
public interface ServiceInfo {

    InfoResponse info(String lang) throws ServiceException;
}
