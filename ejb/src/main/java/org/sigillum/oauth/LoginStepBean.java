package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.util.Optional;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.service.LocalLogin;

/**
 * The login step with a local account: a wrong password counts against the transaction, the fifth ends it;
 * a right one leads to the consent step.
 */
@Stateless
@LocalBean
public class LoginStepBean {

    private static final String WRONG_LOGIN = "The username or password is wrong, or the account is locked.";
    private static final String MISSING_LOGIN = "Enter your username and password.";

    @EJB
    private LocalLogin localLogin;
    @EJB
    private ConsentTransactionsBean transactions;
    @EJB
    private ConsentStepBean consentStep;
    @EJB
    private AuthorizationOutcomesBean outcomes;

    public AuthorizationStep login(AuthorizationTransaction transaction, String username, char[] password)
            throws ServiceException {
        String userId;
        try {
            userId = localLogin.authenticate(username, password, transaction.pending().clientId());
        } catch (ServiceException e) {
            if (e.code() == ErrorCode.INVALID_REQUEST) {
                return ConsentPages.login(transaction, MISSING_LOGIN);
            }
            if (e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
                throw e;
            }
            Optional<AuthorizationTransaction> failed = transactions.failed(transaction);
            if (failed.isEmpty()) {
                return outcomes.refused(transaction.pending(),
                        OAuth2Error.ACCESS_DENIED.setDescription("too many failed logins"));
            }
            return ConsentPages.login(failed.get(), WRONG_LOGIN);
        }
        return consentStep.signedIn(transaction, userId);
    }
}
