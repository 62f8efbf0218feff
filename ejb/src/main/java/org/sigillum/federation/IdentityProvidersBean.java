package org.sigillum.federation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.EnabledProvider;
import org.sigillum.api.federation.IdentityProviderRequest;
import org.sigillum.api.federation.IdentityProviderView;
import org.sigillum.api.federation.LevelPolicyView;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.IdentityProviders;
import org.sigillum.audit.Events;

/** The provider registry behind the admin API: checks, seals the secret, audits every change and refusal. */
@Stateless
public class IdentityProvidersBean implements IdentityProviders {

    private static final int MAX_DISPLAY_NAME = 256;

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private RequestCaller caller;
    @Inject
    private ProviderSecrets secrets;
    @EJB
    private AuditTrail audit;

    @Override
    public IdentityProviderView create(IdentityProviderRequest request) throws ServiceException {
        String alias = request == null ? null : request.alias();
        try {
            if (alias == null || !ProviderSettings.ALIAS.matcher(alias).matches()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST,
                        "alias must be 1-64 characters of lower-case letters, digits and . _ -, starting with a letter or digit");
            }
            ProviderKind kind = ProviderSettings.kind(request.kind());
            if (em.find(IdentityProviderEntity.class, alias) != null) {
                throw new ServiceException(ErrorCode.CONFLICT, "an identity provider is already called " + alias);
            }
            IdentityProviderEntity entity = new IdentityProviderEntity(alias, kind.name(), Instant.now());
            write(entity, request);
            em.persist(entity);
            audit.record(changed(FederationEvents.PROVIDER_CREATED, entity));
            return entity.view();
        } catch (ServiceException e) {
            throw refused(e, alias);
        }
    }

    @Override
    public IdentityProviderView update(String alias, IdentityProviderRequest request) throws ServiceException {
        try {
            IdentityProviderEntity entity = require(alias);
            if (request == null || (request.alias() != null && !request.alias().equals(alias))) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "the alias of a provider cannot change");
            }
            if (request.kind() != null && ProviderSettings.kind(request.kind()) != entity.kind()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "the kind of a provider cannot change");
            }
            write(entity, request);
            audit.record(changed(FederationEvents.PROVIDER_UPDATED, entity));
            return entity.view();
        } catch (ServiceException e) {
            throw refused(e, alias);
        }
    }

    @Override
    public void delete(String alias) throws ServiceException {
        IdentityProviderEntity entity = require(alias);
        em.createQuery("delete from FederatedIdentityEntity f where f.providerAlias = :alias").setParameter("alias", alias)
                .executeUpdate();
        em.remove(entity);
        audit.record(new AuditEvent(FederationEvents.PROVIDER_DELETED, AuditEvent.Outcome.SUCCESS, caller.actor(), null,
                null, Map.of("provider", alias)));
    }

    @Override
    public IdentityProviderView provider(String alias) throws ServiceException {
        return require(alias).view();
    }

    @Override
    public List<IdentityProviderView> providers() {
        return em.createQuery("select p from IdentityProviderEntity p order by p.alias", IdentityProviderEntity.class)
                .getResultList().stream().map(IdentityProviderEntity::view).toList();
    }

    @Override
    public List<EnabledProvider> enabled() {
        return em.createQuery("select p from IdentityProviderEntity p where p.enabled = true order by p.displayName, p.alias",
                IdentityProviderEntity.class).getResultList().stream()
                .map(p -> new EnabledProvider(p.alias(), p.kind().name(), p.displayName())).toList();
    }

    @Override
    public LevelPolicyView policy() {
        return em.find(LevelPolicyEntity.class, LevelPolicyEntity.GLOBAL).policy().view();
    }

    @Override
    public LevelPolicyView updatePolicy(LevelPolicyView requested) throws ServiceException {
        LevelPolicy policy;
        try {
            policy = LevelPolicy.of(requested);
        } catch (ServiceException e) {
            audit.recordRefusal(Events.unsuccessful(FederationEvents.PROVIDER_REFUSED, FederationEvents.PROVIDER_REFUSED,
                    e, caller.actor(), null, Map.of("what", "level policy")));
            throw e;
        }
        em.find(LevelPolicyEntity.class, LevelPolicyEntity.GLOBAL).write(policy, Instant.now());
        audit.record(new AuditEvent(FederationEvents.LEVEL_POLICY_UPDATED, AuditEvent.Outcome.SUCCESS, caller.actor(),
                null, null, Map.of("scal1", policy.scal1().value(), "scal2", policy.scal2().value(),
                        "keyCreation", policy.keyCreation().value(), "stepUp", policy.stepUp().name())));
        return policy.view();
    }

    private void write(IdentityProviderEntity entity, IdentityProviderRequest request) throws ServiceException {
        if (request.displayName() == null || request.displayName().isBlank()
                || request.displayName().length() > MAX_DISPLAY_NAME) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "displayName must have 1 to " + MAX_DISPLAY_NAME + " characters");
        }
        ProviderSettings.check(entity.kind(), request.settings(), request.levelMapping());
        entity.write(request.displayName(), request.enabled() == null || request.enabled(), request.settings(),
                request.levelMapping(), Instant.now());
        if (request.secret() != null) {
            if (request.secret().isEmpty() || request.secret().length() > 1024) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "secret must have 1 to 1024 characters");
            }
            entity.seal(secrets.seal(entity.alias(), request.secret()));
        }
    }

    private IdentityProviderEntity require(String alias) throws ServiceException {
        IdentityProviderEntity entity = alias == null ? null : em.find(IdentityProviderEntity.class, alias);
        if (entity == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such identity provider");
        }
        return entity;
    }

    private AuditEvent changed(String event, IdentityProviderEntity entity) {
        return new AuditEvent(event, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null, Map.of("provider",
                entity.alias(), "kind", entity.kind().name(), "enabled", String.valueOf(entity.enabled())));
    }

    private ServiceException refused(ServiceException e, String alias) {
        audit.recordRefusal(Events.unsuccessful(FederationEvents.PROVIDER_REFUSED, FederationEvents.PROVIDER_REFUSED, e,
                caller.actor(), null, Map.of("provider", Events.claimed(alias))));
        return e;
    }
}
