package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.oauth.PushedRequest;
import org.sigillum.api.service.AuthorizationEndpoint;
import org.sigillum.api.service.ExternalSignIn;

/**
 * The authorization-code flow up to the code, as the web tier sees it. Each step is its own class: where the
 * request comes from and its checks ({@link AuthorizationRequestsBean}, {@link AuthorizationRequestCheck}), the
 * transactions and their CSRF values ({@link ConsentTransactionsBean}), login ({@link LoginStepBean}), consent
 * ({@link ConsentStepBean}), what the pages show ({@link ConsentPages}) and the way back to the client
 * ({@link AuthorizationOutcomesBean}, {@link AuthorizationRedirects}).
 */
@Stateless
public class AuthorizationEndpointBean implements AuthorizationEndpoint, ExternalSignIn {

    @EJB
    private AuthorizationRequestsBean requests;
    @EJB
    private ConsentTransactionsBean transactions;
    @EJB
    private LoginStepBean loginStep;
    @EJB
    private ConsentStepBean consentStep;
    @Inject
    private AuthorizationRedirects redirects;

    @Override
    public PushedRequest push(PushedAuthorizationRequest request) throws ServiceException {
        return requests.push(request);
    }

    @Override
    public AuthorizationStep begin(AuthorizationRequest request) throws ServiceException {
        PendingAuthorization pending;
        try {
            pending = requests.resolve(request);
        } catch (RedirectableRefusal e) {
            return redirects.error(request.getRedirectionURI(), request.getState(), e.error());
        }
        return ConsentPages.login(transactions.open(pending), null);
    }

    @Override
    public AuthorizationStep login(String transactionId, String csrf, String username, char[] password)
            throws ServiceException {
        return loginStep.login(transactions.find(transactionId, csrf), username, password);
    }

    @Override
    public AuthorizationStep consent(String transactionId, String csrf, boolean approved, String pin, String otp)
            throws ServiceException {
        return consentStep.decide(transactions.find(transactionId, csrf), approved, pin, otp);
    }

    @Override
    public WaitingAuthorization waiting(String transactionId, String csrf) throws ServiceException {
        PendingAuthorization pending = transactions.find(transactionId, csrf).pending();
        return new WaitingAuthorization(pending.clientId(),
                pending.credential() == null ? null : pending.credential().credentialId());
    }

    @Override
    public AuthorizationStep signedIn(String transactionId, String userId) throws ServiceException {
        AuthorizationTransaction transaction = transactions.peek(transactionId);
        if (transaction == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "this sign-in has expired; start again from the application");
        }
        return consentStep.signedIn(transaction, userId);
    }

    @Override
    public byte[] preview(String transactionId, int index) throws ServiceException {
        AuthorizationTransaction transaction = transactions.peek(transactionId);
        CredentialRequest credential = transaction == null || transaction.userId() == null ? null
                : transaction.pending().credential();
        if (credential == null || index < 0 || index >= credential.previews().size()
                || credential.previews().get(index).kind() != DocumentPreview.Kind.IMAGE) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such preview");
        }
        return credential.previews().get(index).image();
    }
}
