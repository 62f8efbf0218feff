package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.audit.Events;
import org.sigillum.token.BearerTokensBean;

/**
 * How an authorization ends, back at the client: a code for an approved consent, an error for a declined or
 * refused one. The code and the decline are audited here, in the transaction that issues them.
 */
@Stateless
@LocalBean
public class AuthorizationOutcomesBean {

    @EJB
    private AuthorizationCodesBean codes;
    @EJB
    private AuditTrail audit;
    @Inject
    private AuthorizationRedirects redirects;

    /** Issues the code for a consent completed by {@code transaction}'s user; {@code grant} is null for the service scope. */
    public AuthorizationStep approved(AuthorizationTransaction transaction, SadGrant grant) {
        PendingAuthorization pending = transaction.pending();
        CodeGrant code = new CodeGrant(pending.clientId(), pending.redirectUri(), pending.codeChallenge(),
                transaction.userId(), pending.scope(), grant,
                pending.credential() == null ? null : pending.credential().authorizationDetails(),
                BearerTokensBean.newFamily(), Instant.now().plusSeconds(AuthorizationCodesBean.LIFETIME_SECONDS), false);
        String value = codes.issue(code);
        audit.record(new AuditEvent(Events.CODE_ISSUED, AuditEvent.Outcome.SUCCESS, transaction.userId(),
                transaction.userId(), credentialId(pending), Map.of("scope", pending.scope(),
                        "factors", grant == null ? "password" : "password " + String.join(" ", grant.factors())))
                .forClient(pending.clientId()));
        return redirects.code(pending, value);
    }

    public AuthorizationStep declined(AuthorizationTransaction transaction) {
        PendingAuthorization pending = transaction.pending();
        audit.record(new AuditEvent(Events.CONSENT_REFUSED, AuditEvent.Outcome.REFUSED, transaction.userId(),
                transaction.userId(), credentialId(pending), Map.of()).forClient(pending.clientId()));
        return redirects.error(pending, OAuth2Error.ACCESS_DENIED.setDescription("the user declined"));
    }

    public AuthorizationStep refused(PendingAuthorization pending, ErrorObject error) {
        return redirects.error(pending, error);
    }

    static String credentialId(PendingAuthorization pending) {
        return pending.credential() == null ? null : pending.credential().credentialId();
    }
}
