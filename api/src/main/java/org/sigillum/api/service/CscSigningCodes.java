package org.sigillum.api.service;

import jakarta.ejb.Local;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.SendOtpRequest;
import org.sigillum.api.error.ServiceException;

/** credentials/sendOTP for the user a service token speaks for. */
@Local
public interface CscSigningCodes {

    /**
     * Sends a code for the credential (and the SAD request, where named) by e-mail or SMS; false when the user's code
     * comes from an authenticator app and nothing needs sending. A credential authorized by the PIN alone is a
     * mistake (invalid_request); too many codes to one recipient or for one application is too_many_requests.
     */
    boolean send(TokenPrincipal caller, SendOtpRequest request) throws ServiceException;

    /**
     * Asks the user's registered device to approve this SAD request (authObjectID DEVICE); returns the challenge, the
     * approval's ID, which credentials/authorize presents as authData DEVICE once the device approved.
     */
    String requestApproval(TokenPrincipal caller, SendOtpRequest request) throws ServiceException;
}
