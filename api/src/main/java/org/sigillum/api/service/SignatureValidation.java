package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.validation.ValidationRequest;
import org.sigillum.api.validation.ValidationResult;

/** AdES validation with DSS against the configured trust anchors (the built-in CA's root always). */
@Local
public interface SignatureValidation {

    ValidationResult validate(ValidationRequest request) throws ServiceException;
}
