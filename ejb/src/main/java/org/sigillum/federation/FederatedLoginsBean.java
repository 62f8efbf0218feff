package org.sigillum.federation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sigillum.account.UserEntity;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.ExternalSignIn;
import org.sigillum.api.service.FederatedLogins;
import org.sigillum.audit.Events;
import org.sigillum.keys.CredentialEntity;

/**
 * Federated sign-in, the same for every protocol: an attempt is started for a waiting authorization, and the
 * verified answer is turned into the linked account (never a new one), checked against the level the
 * authorization needs (stepping up at the provider once, when the policy says so), audited with provider,
 * subject and level, and handed to the authorization flow as a signed-in user.
 */
@Stateless
public class FederatedLoginsBean implements FederatedLogins {

    static final String NOT_LINKED = "This identity is not linked to a Sigillum account. Ask your signing service "
            + "provider to link it; no account is created from a sign-in.";
    static final String DISABLED = "The Sigillum account linked to this identity is not active.";
    static final String EXPIRED = "This sign-in has expired or was already completed; start again from the application.";
    static final String BELOW_POLICY = "The identity provider did not confirm the level of assurance this signature needs.";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private ExternalSignIn signIn;
    @EJB
    private ProviderDirectory directory;
    @EJB
    private AuditTrail audit;
    @Inject
    private LoginAttempts attempts;
    @Inject
    @Any
    private Instance<ProtocolLogin> protocols;

    @Override
    public URI start(String transactionId, String csrf, String alias) throws ServiceException {
        ExternalSignIn.WaitingAuthorization waiting = signIn.waiting(transactionId, csrf);
        ConfiguredProvider provider = directory.findEnabled(alias);
        LevelOfAssurance required = required(waiting);
        return begin(provider, new LoginAttempt(LoginAttempts.newId(), alias, transactionId, waiting.clientId(), required,
                false, Map.of(), Instant.now()));
    }

    @Override
    public AuthorizationStep complete(String alias, String subject, LevelOfAssurance asserted,
                                      Map<String, String> attributes, String attemptId) throws ServiceException {
        LevelOfAssurance level = asserted == null ? LevelOfAssurance.LOW : asserted;
        LoginAttempt attempt = attempts.take(attemptId);
        Map<String, String> details = new HashMap<>(Map.of("provider", Events.claimed(alias),
                "subject", Events.claimed(subject), "level", level.value()));
        if (attempt == null || !attempt.alias().equals(alias)) {
            throw refused(null, null, details, EXPIRED);
        }
        details.put("required", attempt.required().value());
        List<FederatedIdentityEntity> links = em.createQuery("select f from FederatedIdentityEntity f "
                        + "where f.providerAlias = :alias and f.subject = :subject", FederatedIdentityEntity.class)
                .setParameter("alias", alias).setParameter("subject", subject).getResultList();
        if (links.isEmpty()) {
            throw refused(null, attempt.clientId(), details, NOT_LINKED);
        }
        UserEntity user = em.find(UserEntity.class, links.get(0).userId());
        if (user == null || !"ACTIVE".equals(user.status())) {
            throw refused(links.get(0).userId(), attempt.clientId(), details, DISABLED);
        }
        if (!level.atLeast(attempt.required())) {
            if (!attempt.stepUp() && directory.policy().stepUp() == LevelPolicy.StepUp.PROVIDER) {
                audit.record(new AuditEvent(FederationEvents.FEDERATED_STEP_UP, AuditEvent.Outcome.SUCCESS, user.id(),
                        user.id(), null, details).forClient(attempt.clientId()));
                URI location = begin(directory.findEnabled(alias), new LoginAttempt(LoginAttempts.newId(), alias,
                        attempt.transactionId(), attempt.clientId(), attempt.required(), true, Map.of(), Instant.now()));
                return new AuthorizationStep.Redirect(location);
            }
            audit.recordRefusal(new AuditEvent(FederationEvents.LEVEL_BELOW_POLICY, AuditEvent.Outcome.REFUSED, user.id(),
                    user.id(), null, details).forClient(attempt.clientId()));
            throw refused(user.id(), attempt.clientId(), details, BELOW_POLICY);
        }
        attempts.signedIn(attempt.transactionId(), new FederatedSignIn(alias, subject, user.id(), level, Instant.now()));
        audit.record(new AuditEvent(FederationEvents.FEDERATED_LOGIN_SUCCEEDED, AuditEvent.Outcome.SUCCESS, user.id(),
                user.id(), null, details).forClient(attempt.clientId()));
        return signIn.signedIn(attempt.transactionId(), user.id());
    }

    @Override
    public ServiceException refuse(String alias, String attemptId, String reason) {
        LoginAttempt attempt = attempts.take(attemptId);
        return refused(null, attempt == null ? null : attempt.clientId(),
                Map.of("provider", Events.claimed(alias)), reason);
    }

    private URI begin(ConfiguredProvider provider, LoginAttempt attempt) throws ServiceException {
        ProtocolLogin protocol = protocols.stream().filter(p -> p.kind() == provider.kind()).findFirst()
                .orElseThrow(() -> new ServiceException(ErrorCode.INVALID_REQUEST,
                        "sign-in through " + provider.kind() + " providers is not available"));
        ProtocolLogin.Request request = protocol.request(provider, attempt.id(), attempt.required(), attempt.stepUp());
        attempts.save(new LoginAttempt(attempt.id(), attempt.alias(), attempt.transactionId(), attempt.clientId(),
                attempt.required(), attempt.stepUp(), request.protocolState(), attempt.startedAt()));
        audit.record(new AuditEvent(FederationEvents.FEDERATED_LOGIN_STARTED, AuditEvent.Outcome.SUCCESS,
                "federated:" + provider.alias(), null, null, Map.of("provider", provider.alias(),
                "required", attempt.required().value(), "stepUp", String.valueOf(attempt.stepUp())))
                .forClient(attempt.clientId()));
        return request.location();
    }

    /** The level the waiting authorization needs: that of its credential's SCAL, or the lowest without one. */
    private LevelOfAssurance required(ExternalSignIn.WaitingAuthorization waiting) {
        CredentialEntity credential = waiting.credentialId() == null ? null
                : em.find(CredentialEntity.class, waiting.credentialId());
        return credential == null ? LevelOfAssurance.LOW : directory.policy().forScal(credential.scal());
    }

    private ServiceException refused(String userId, String clientId, Map<String, String> details, String reason) {
        Map<String, String> withReason = new HashMap<>(details);
        withReason.put("reason", reason);
        audit.recordRefusal(new AuditEvent(FederationEvents.FEDERATED_LOGIN_REFUSED, AuditEvent.Outcome.REFUSED,
                userId != null ? userId : "federated:" + details.getOrDefault("provider", ""), userId, null, withReason)
                .forClient(clientId));
        return new ServiceException(ErrorCode.ACCESS_DENIED, reason);
    }
}
