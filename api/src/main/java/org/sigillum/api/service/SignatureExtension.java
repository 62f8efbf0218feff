package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.validation.ExtensionRequest;
import org.sigillum.api.validation.ExtensionResult;

/** Signature update: time-stamps, validation data and archive time-stamps added to existing signatures. */
@Local
public interface SignatureExtension {

    ExtensionResult extend(ExtensionRequest request) throws ServiceException;
}
