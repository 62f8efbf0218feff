package org.sigillum.activation.device;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.activation.otp.CodeBinding;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Signing requests that wait for a device's approval: created for one transaction with the content the device will
 * see and sign, and, once approved on the device within {@code sigillum.device.approval-seconds}, accepted once as
 * the second factor of that transaction's authorization. A declined, expired, unknown or already used approval is
 * no factor at all.
 */
@Stateless
@LocalBean
public class DeviceApprovalsBean {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "sigillum.device.approval-seconds", defaultValue = "120")
    long approvalSeconds;

    /** Whether the user has a device that can approve. */
    public boolean hasDevice(String userId) {
        return !em.createQuery("select d.id from DeviceEntity d where d.userId = :user", String.class)
                .setParameter("user", userId).setMaxResults(1).getResultList().isEmpty();
    }

    /** A new pending approval for {@code binding}; returns its ID, the challenge the client presents with the PIN. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String request(String userId, CodeBinding binding, int numSignatures, String hashAlgorithmOid,
                          List<String> hashes) throws ServiceException {
        if (!hasDevice(userId)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the user has no device that approves signatures");
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(approvalSeconds);
        JsonArrayBuilder hashArray = Json.createArrayBuilder();
        hashes.forEach(hashArray::add);
        var content = Json.createObjectBuilder().add("approvalID", id).add("credentialID", binding.credentialId())
                .add("client", binding.clientId()).add("numSignatures", numSignatures)
                .add("hashes", hashArray).add("expiresAt", expires.toString());
        if (hashAlgorithmOid != null) {
            content.add("hashAlgorithmOID", hashAlgorithmOid);
        }
        em.persist(new DeviceApprovalEntity(id, userId, binding, content.build().toString(), now, expires));
        return id;
    }

    /**
     * Accepts approval {@code approvalId} as the second factor for {@code presented} if a device approved it for that
     * transaction and it is still live and unused; consumes it (at most once). Returns false otherwise.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String userId, CodeBinding presented, String approvalId) {
        DeviceApprovalEntity approval = approvalId == null ? null : em.find(DeviceApprovalEntity.class, approvalId);
        Instant now = Instant.now();
        if (approval == null || !approval.userId().equals(userId) || !approval.binding().admits(presented)) {
            return false;
        }
        return em.createNativeQuery("UPDATE sig_device_approval SET consumed_at = :now WHERE id = :id AND status = '"
                        + DeviceApprovalEntity.APPROVED + "' AND consumed_at IS NULL AND expires_at > :now")
                .setParameter("now", utc(now)).setParameter("id", approvalId).executeUpdate() == 1;
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
