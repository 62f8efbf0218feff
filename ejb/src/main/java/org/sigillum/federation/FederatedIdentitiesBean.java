package org.sigillum.federation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sigillum.account.Users;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.IdentityLinkRequest;
import org.sigillum.api.federation.IdentityLinkView;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.FederatedIdentities;
import org.sigillum.audit.Events;

/** The operator links an account to identities at providers; a federated login finds the account only so. */
@Stateless
public class FederatedIdentitiesBean implements FederatedIdentities {

    private static final int MAX_SUBJECT = 512;

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private RequestCaller caller;
    @EJB
    private AuditTrail audit;

    @Override
    public IdentityLinkView link(String userId, IdentityLinkRequest request) throws ServiceException {
        Map<String, String> claimed = request == null ? Map.of() : Map.of("provider", Events.claimed(request.provider()),
                "subject", Events.claimed(request.subject()));
        try {
            Users.require(em, userId);
            if (request == null || request.provider() == null || request.subject() == null || request.subject().isBlank()
                    || request.subject().length() > MAX_SUBJECT) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST,
                        "provider and subject (1 to " + MAX_SUBJECT + " characters) are required");
            }
            if (em.find(IdentityProviderEntity.class, request.provider()) == null) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "no identity provider is called " + request.provider());
            }
            if (!em.createQuery("select f.id from FederatedIdentityEntity f where f.providerAlias = :alias "
                            + "and f.subject = :subject", String.class).setParameter("alias", request.provider())
                    .setParameter("subject", request.subject()).setMaxResults(1).getResultList().isEmpty()) {
                throw new ServiceException(ErrorCode.CONFLICT, "this identity is already linked to an account");
            }
            FederatedIdentityEntity link = new FederatedIdentityEntity(UUID.randomUUID().toString(), userId,
                    request.provider(), request.subject(), Instant.now());
            em.persist(link);
            em.flush();
            audit.record(new AuditEvent(FederationEvents.IDENTITY_LINKED, AuditEvent.Outcome.SUCCESS, caller.actor(),
                    userId, null, Map.of("provider", request.provider(), "subject", request.subject(), "link", link.id())));
            return link.view();
        } catch (ServiceException e) {
            audit.recordRefusal(Events.unsuccessful(FederationEvents.IDENTITY_LINK_REFUSED,
                    FederationEvents.IDENTITY_LINK_REFUSED, e, caller.actor(), null, claimed));
            throw e;
        }
    }

    @Override
    public List<IdentityLinkView> links(String userId) throws ServiceException {
        Users.require(em, userId);
        return em.createQuery("select f from FederatedIdentityEntity f where f.userId = :user order by f.createdAt, f.id",
                FederatedIdentityEntity.class).setParameter("user", userId).getResultList().stream()
                .map(FederatedIdentityEntity::view).toList();
    }

    @Override
    public void unlink(String userId, String linkId) throws ServiceException {
        FederatedIdentityEntity link = linkId == null ? null : em.find(FederatedIdentityEntity.class, linkId);
        if (link == null || !link.userId().equals(userId)) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such identity link");
        }
        IdentityLinkView view = link.view();
        em.remove(link);
        audit.record(new AuditEvent(FederationEvents.IDENTITY_UNLINKED, AuditEvent.Outcome.SUCCESS, caller.actor(),
                userId, null, Map.of("provider", view.provider(), "subject", view.subject(), "link", view.id())));
    }
}
