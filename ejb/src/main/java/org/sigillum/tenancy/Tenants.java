package org.sigillum.tenancy;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.sigillum.api.tenancy.GroupPolicy;

/**
 * Which group an account or a client application belongs to, and the policy that applies to an account: the
 * policy of the group that enrolled it, which is also the group of every service provider that may act for it.
 */
public final class Tenants {

    /** The status of a disabled account (account.UserEntity.DISABLED; named here so tenancy needs no account class). */
    public static final String DISABLED = "DISABLED";

    private Tenants() {
    }

    /** The policy of the account's group; an unknown account gets the server's defaults (it can do nothing anyway). */
    public static GroupPolicy policyOfUser(EntityManager em, String userId) {
        List<String> stored = em.createQuery("select g.policy from GroupEntity g, UserEntity u "
                        + "where u.id = :user and g.id = u.groupId", String.class)
                .setParameter("user", userId).getResultList();
        return stored.isEmpty() ? GroupPolicy.unrestricted() : PolicyJson.read(stored.get(0));
    }

    /** The group of a client application, or null when there is no such client. */
    public static String groupOfClient(EntityManager em, String clientId) {
        List<String> group = em.createQuery("select c.groupId from ClientEntity c where c.clientId = :client",
                String.class).setParameter("client", clientId).getResultList();
        return group.isEmpty() ? null : group.get(0);
    }

    /**
     * Whether a token of {@code clientId} may speak for {@code userId}: the account is active and, when a service
     * provider holds the token, in that provider's group (checklist C12). CSC auth/login tokens name no client.
     */
    public static boolean mayActFor(EntityManager em, String userId, String clientId) {
        // one read either way: this runs on every request a user's token makes
        List<String> status = clientId == null
                ? em.createQuery("select u.status from UserEntity u where u.id = :user", String.class)
                        .setParameter("user", userId).getResultList()
                : em.createQuery("select u.status from UserEntity u, ClientEntity c where u.id = :user "
                                + "and c.clientId = :client and c.groupId = u.groupId", String.class)
                        .setParameter("user", userId).setParameter("client", clientId).getResultList();
        return !status.isEmpty() && !DISABLED.equals(status.get(0));
    }
}
