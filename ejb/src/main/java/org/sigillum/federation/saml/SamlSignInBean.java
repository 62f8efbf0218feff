package org.sigillum.federation.saml;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.FederatedLogins;
import org.sigillum.api.service.SamlSignIn;
import org.sigillum.audit.Events;
import org.sigillum.federation.ConfiguredProvider;
import org.sigillum.federation.LoginAttempt;
import org.sigillum.federation.LoginAttempts;
import org.sigillum.federation.ProviderDirectory;
import org.sigillum.federation.ProviderKind;
import org.w3c.dom.Element;

/**
 * The service provider's endpoints behind {@code /saml/*}. The assertion consumer service finds the attempt by
 * RelayState, checks the response with {@link ResponseValidator} against that attempt's request ID and the
 * provider's pinned keys, spends the assertion ID in the cluster-wide {@code saml-replay} store in this
 * transaction, and hands the subject and level to {@link FederatedLogins#complete}, which links, checks the
 * level, steps up and audits. A refusal names its rule (the code and checklist ID) on the page and in the audit.
 */
@Stateless
public class SamlSignInBean implements SamlSignIn {

    static final String EXPIRED = "This sign-in has expired or was already completed; start again from the application.";
    static final String LOGOUT = "FEDERATED_LOGOUT";
    private static final Logger LOG = Logger.getLogger(SamlSignInBean.class.getName());

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private FederatedLogins logins;
    @EJB
    private ProviderDirectory directory;
    @EJB
    private ServiceProviderKeysBean keys;
    @EJB
    private SamlReplayLedger replay;
    @EJB
    private AuditTrail audit;
    @Inject
    private LoginAttempts attempts;
    @Inject
    private SamlProviders providers;

    @Override
    public String metadata(String alias) throws ServiceException {
        keys.ensureKeys();
        ServiceProvider sp = providers.serviceProvider(alias == null ? null : saml(directory.findEnabled(alias)));
        return ServiceProviderMetadata.xml(sp, keys.certificate(ServiceProviderKeysBean.SIGNING),
                keys.certificate(ServiceProviderKeysBean.ENCRYPTION));
    }

    @Override
    public AuthorizationStep assertionConsumer(String samlResponse, String relayState) throws ServiceException {
        LoginAttempt attempt = attempts.peek(relayState);
        if (attempt == null) {
            throw logins.refuse("unknown", null, EXPIRED);
        }
        String alias = attempt.alias();
        ConfiguredProvider provider;
        IdentityProviderTrust idp;
        try {
            provider = saml(directory.findEnabled(alias));
            idp = providers.identityProvider(provider);
        } catch (ServiceException e) {
            throw logins.refuse(alias, relayState, e.getMessage());
        }
        ResponseValidator validator = new ResponseValidator(providers.serviceProvider(provider), idp,
                keys.decryptionKeys(), replay, Clock.systemUTC());
        SamlLogin login;
        try {
            login = validator.validate(samlResponse, attempt.protocol().get(SamlProtocolLogin.REQUEST_ID));
        } catch (SamlRefusal refusal) {
            LOG.info(() -> "SAML response of " + alias + " refused (" + refusal.reason().code() + "): " + refusal.getMessage());
            throw logins.refuse(alias, relayState, refusalText(refusal.reason()));
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("nameIdFormat", login.nameIdFormat());
        if (login.authnContextClassRef() != null) {
            attributes.put("authnContextClassRef", login.authnContextClassRef());
        }
        if (login.sessionIndex() != null) {
            attributes.put("sessionIndex", login.sessionIndex());
        }
        return logins.complete(alias, login.subject(), SamlProtocolLogin.levels(provider).levelOf(login.authnContextClassRef()),
                attributes, relayState);
    }

    /** The refusal as the page and the audit record show it: the rule broken, never a value from the message. */
    static String refusalText(SamlRefusal.Reason reason) {
        return "The identity provider's SAML response was refused: " + reason.code() + " (" + reason.checklistId() + ").";
    }

    @Override
    public URI singleLogout(String rawQuery) throws ServiceException {
        String issuer = unverifiedIssuer(rawQuery);
        for (String alias : em.createQuery("select p.alias from IdentityProviderEntity p where p.kind = :kind "
                + "and p.enabled = true", String.class).setParameter("kind", ProviderKind.SAML.name()).getResultList()) {
            ConfiguredProvider provider = directory.findEnabled(alias);
            IdentityProviderTrust idp = providers.identityProvider(provider);
            if (!idp.entityId().equals(issuer)) {
                continue;
            }
            ServiceProvider sp = providers.serviceProvider(provider);
            Map<String, String> details = new HashMap<>(Map.of("provider", alias));
            try {
                SingleLogout.LogoutRequest request = SingleLogout.readRequest(rawQuery, sp, idp, Clock.systemUTC());
                details.put("subject", Events.claimed(request.subject()));
                audit.record(new AuditEvent(LOGOUT, AuditEvent.Outcome.SUCCESS, "federated:" + alias, null, null, details));
                if (idp.singleLogoutUrl() == null) {
                    throw new ServiceException(ErrorCode.INVALID_REQUEST, "the identity provider has no logout endpoint");
                }
                keys.ensureKeys();
                return URI.create(RedirectBinding.signedUrl(idp.singleLogoutUrl(), "SAMLResponse",
                        SingleLogout.responseXml(AuthnRequests.newId(), sp, idp, request.id(), Clock.systemUTC()),
                        RedirectBinding.parameter(rawQuery, "RelayState"), keys.signer()));
            } catch (SamlRefusal refusal) {
                details.put("reason", refusal.reason().code());
                audit.recordRefusal(new AuditEvent(LOGOUT, AuditEvent.Outcome.REFUSED, "federated:" + alias, null, null, details));
                throw new ServiceException(ErrorCode.ACCESS_DENIED, refusalText(refusal.reason()));
            }
        }
        throw new ServiceException(ErrorCode.INVALID_REQUEST, "no enabled SAML identity provider sent this logout request");
    }

    /** Only to choose whose keys to check the message with; nothing else is read before the check. */
    private static String unverifiedIssuer(String rawQuery) throws ServiceException {
        String message = RedirectBinding.parameter(rawQuery, "SAMLRequest");
        if (message == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "no SAMLRequest");
        }
        try {
            Element request = SamlXml.parse(RedirectBinding.inflate(java.util.Base64.getMimeDecoder().decode(message))
                    .getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            return SamlXml.text(SamlXml.child(request, SamlXml.ASSERTION, "Issuer"));
        } catch (SamlRefusal | org.xml.sax.SAXException | IOException | IllegalArgumentException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the SAMLRequest is not a deflated SAML message");
        }
    }

    private static ConfiguredProvider saml(ConfiguredProvider provider) throws ServiceException {
        if (provider.kind() != ProviderKind.SAML) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "provider " + provider.alias() + " does not speak SAML");
        }
        return provider;
    }
}
