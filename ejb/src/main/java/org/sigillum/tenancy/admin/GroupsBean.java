package org.sigillum.tenancy.admin;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.Groups;
import org.sigillum.api.tenancy.GroupPolicy;
import org.sigillum.api.tenancy.GroupRequest;
import org.sigillum.api.tenancy.GroupView;
import org.sigillum.audit.Events;
import org.sigillum.oauth.ClientEntity;
import org.sigillum.tenancy.GroupEntity;
import org.sigillum.tenancy.GroupPolicies;
import org.sigillum.tenancy.PolicyJson;
import org.sigillum.token.BearerTokensBean;

/** The operator's groups of service providers: created, changed, removed and clients moved, each audited. */
@Stateless
public class GroupsBean implements Groups {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private RequestCaller caller;
    @EJB
    private AuditTrail audit;
    @EJB
    private BearerTokensBean tokens;

    @Override
    public String create(GroupRequest request) throws ServiceException {
        try {
            String name = checkedName(request, null);
            GroupPolicy policy = GroupPolicies.checked(request.policy());
            GroupEntity group = new GroupEntity(UUID.randomUUID().toString(), name, PolicyJson.write(policy), Instant.now());
            em.persist(group);
            audit.record(new AuditEvent(Events.GROUP_CREATED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                    Map.of("group", group.id(), "name", name, "policy", PolicyJson.write(policy))));
            return group.id();
        } catch (ServiceException e) {
            throw refused(e, "create", null);
        }
    }

    @Override
    public List<GroupView> groups() {
        return em.createQuery("select g from GroupEntity g order by g.createdAt", GroupEntity.class).getResultList()
                .stream().map(GroupsBean::view).toList();
    }

    @Override
    public GroupView group(String id) throws ServiceException {
        return view(existing(id));
    }

    @Override
    public GroupView update(String id, GroupRequest request) throws ServiceException {
        try {
            GroupEntity group = existing(id);
            String name = checkedName(request, id);
            GroupPolicy policy = GroupPolicies.checked(request.policy());
            group.change(name, PolicyJson.write(policy));
            audit.record(new AuditEvent(Events.GROUP_UPDATED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                    Map.of("group", id, "name", name, "policy", PolicyJson.write(policy))));
            return view(group);
        } catch (ServiceException e) {
            throw refused(e, "update", id);
        }
    }

    @Override
    public void delete(String id) throws ServiceException {
        try {
            GroupEntity group = existing(id);
            if (GroupEntity.DEFAULT.equals(id)) {
                throw new ServiceException(ErrorCode.CONFLICT, "the default group cannot be deleted");
            }
            long members = em.createQuery("select count(c) from ClientEntity c where c.groupId = :g", Long.class)
                    .setParameter("g", id).getSingleResult()
                    + em.createQuery("select count(u) from UserEntity u where u.groupId = :g", Long.class)
                    .setParameter("g", id).getSingleResult();
            if (members > 0) {
                throw new ServiceException(ErrorCode.CONFLICT,
                        "the group still has client applications or accounts; move or delete them first");
            }
            em.remove(group);
            audit.record(new AuditEvent(Events.GROUP_DELETED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                    Map.of("group", id, "name", group.name())));
        } catch (ServiceException e) {
            throw refused(e, "delete", id);
        }
    }

    @Override
    public void moveClient(String clientId, String groupId) throws ServiceException {
        try {
            ClientEntity client = clientId == null ? null : em.find(ClientEntity.class, clientId);
            if (client == null) {
                throw new ServiceException(ErrorCode.NOT_FOUND, "no such client");
            }
            existing(groupId);
            String from = client.groupId();
            client.groupId(groupId);
            // tokens it holds were granted for users of its old group: none may outlive the move
            tokens.revokeAllOfClient(clientId);
            audit.record(new AuditEvent(Events.CLIENT_MOVED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                    Map.of("client", clientId, "from", from, "to", groupId)));
        } catch (ServiceException e) {
            throw refused(e, "move client " + Events.claimed(clientId), groupId);
        }
    }

    /** A group named in a request: unknown is a 404 of the admin API. */
    public GroupEntity existing(String id) throws ServiceException {
        GroupEntity group = id == null ? null : em.find(GroupEntity.class, id);
        if (group == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such group");
        }
        return group;
    }

    private String checkedName(GroupRequest request, String ownId) throws ServiceException {
        if (request == null || request.name() == null || request.name().isBlank()
                || request.name().length() > GroupPolicies.MAX_NAME) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "name of 1 to " + GroupPolicies.MAX_NAME
                    + " characters is required");
        }
        List<String> holders = em.createQuery("select g.id from GroupEntity g where g.name = :name", String.class)
                .setParameter("name", request.name()).getResultList();
        if (!holders.isEmpty() && !holders.get(0).equals(ownId)) {
            throw new ServiceException(ErrorCode.CONFLICT, "a group of that name exists");
        }
        return request.name();
    }

    private ServiceException refused(ServiceException e, String action, String groupId) {
        audit.recordRefusal(Events.unsuccessful(Events.GROUP_CHANGE_REFUSED, Events.GROUP_CHANGE_REFUSED, e,
                caller.actor(), null, groupId == null ? Map.of("action", action)
                        : Map.of("action", action, "group", Events.claimed(groupId))));
        return e;
    }

    private static GroupView view(GroupEntity group) {
        return new GroupView(group.id(), group.name(), PolicyJson.read(group.policy()), group.createdAt().toString());
    }
}
