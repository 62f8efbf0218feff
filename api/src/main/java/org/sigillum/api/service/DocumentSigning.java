package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.SignDocRequest;
import org.sigillum.api.csc.SignDocResponse;
import org.sigillum.api.error.ServiceException;

/** The signature creation application: AdES signatures of whole documents, with the value from the SAM. */
@Local
public interface DocumentSigning {

    /** CSC signatures/signDoc, under the request's SAD or the caller's credential-scope token. */
    SignDocResponse signDoc(TokenPrincipal caller, String credentialToken, SignDocRequest request) throws ServiceException;
}
