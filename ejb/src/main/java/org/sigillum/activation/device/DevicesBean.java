package org.sigillum.activation.device;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.device.ApprovalDecision;
import org.sigillum.api.device.DeviceEnrolment;
import org.sigillum.api.device.DeviceRegistration;
import org.sigillum.api.device.DeviceView;
import org.sigillum.api.device.PendingApproval;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.Devices;
import org.sigillum.audit.Events;

/**
 * Devices that approve a user's signatures: enrolment codes and the device list for the operator, and the device's
 * own calls (registration with a code, its pending approvals, its decisions), each device call authenticated by a
 * JWT the device signs. Every decision is a signature over the approval's exact content; a decision on an approval
 * that is no longer pending (a replay, or one that timed out) is refused, and every refusal is audited.
 */
@Stateless
public class DevicesBean implements Devices {

    private static final long ENROLMENT_SECONDS = 600;
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BAD_CODE = "the enrolment code is wrong, used or expired";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private RequestCaller caller;
    @EJB
    private AuditTrail audit;

    @Override
    public DeviceEnrolment issueEnrolmentCode(String userId) throws ServiceException {
        requireUser(userId);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        em.createNativeQuery("INSERT INTO sig_device_enrolment (code_hash, user_id, expires_at) VALUES (:h, :user, :until)")
                .setParameter("h", sha256Hex(code.toString())).setParameter("user", userId)
                .setParameter("until", DeviceApprovalsBean.utc(Instant.now().plusSeconds(ENROLMENT_SECONDS))).executeUpdate();
        audit.record(new AuditEvent(Events.DEVICE_ENROLMENT_ISSUED, AuditEvent.Outcome.SUCCESS, caller.actor(), userId,
                null, Map.of()));
        return new DeviceEnrolment(code.toString(), ENROLMENT_SECONDS);
    }

    @Override
    public List<DeviceView> devices(String userId) throws ServiceException {
        requireUser(userId);
        return em.createQuery("select d from DeviceEntity d where d.userId = :user order by d.createdAt", DeviceEntity.class)
                .setParameter("user", userId).getResultList().stream().map(d -> new DeviceView(d.id(), d.name(),
                        d.createdAt().toString(), d.lastSeenAt() == null ? null : d.lastSeenAt().toString())).toList();
    }

    @Override
    public void delete(String userId, String deviceId) throws ServiceException {
        requireUser(userId);
        DeviceEntity device = deviceId == null ? null : em.find(DeviceEntity.class, deviceId);
        if (device == null || !device.userId().equals(userId)) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such device");
        }
        em.remove(device);
        audit.record(new AuditEvent(Events.DEVICE_DELETED, AuditEvent.Outcome.SUCCESS, caller.actor(), userId, null,
                Map.of("device", deviceId)));
    }

    @Override
    public String register(DeviceRegistration registration) throws ServiceException {
        try {
            if (registration == null || registration.enrolmentCode() == null || registration.name() == null
                    || registration.name().isBlank() || registration.name().length() > 64
                    || registration.name().chars().anyMatch(Character::isISOControl)) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST,
                        "enrolmentCode, a name of 1 to 64 characters and publicKey are required");
            }
            String jwk = DeviceKeys.publicJwk(registration.publicKey());
            String hash = sha256Hex(registration.enrolmentCode().trim().toUpperCase(java.util.Locale.ROOT));
            Instant now = Instant.now();
            // one conditional update: a code is used once, however many registrations race for it
            if (em.createNativeQuery("UPDATE sig_device_enrolment SET used_at = :now WHERE code_hash = :h "
                    + "AND used_at IS NULL AND expires_at > :now").setParameter("now", DeviceApprovalsBean.utc(now))
                    .setParameter("h", hash).executeUpdate() != 1) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, BAD_CODE);
            }
            String userId = (String) em.createNativeQuery("SELECT user_id FROM sig_device_enrolment WHERE code_hash = :h")
                    .setParameter("h", hash).getSingleResult();
            String id = UUID.randomUUID().toString();
            em.persist(new DeviceEntity(id, userId, registration.name(), jwk, now));
            audit.record(new AuditEvent(Events.DEVICE_REGISTERED, AuditEvent.Outcome.SUCCESS, "device:" + id, userId,
                    null, Map.of("device", id)));
            return id;
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.DEVICE_REGISTRATION_REFUSED, AuditEvent.Outcome.REFUSED,
                    "device", null, null, Map.of("reason", e.getMessage())));
            throw e;
        }
    }

    @Override
    public List<PendingApproval> pendingApprovals(String deviceJwt) throws ServiceException {
        DeviceEntity device = authenticate(deviceJwt);
        return em.createQuery("select a from DeviceApprovalEntity a where a.userId = :user and a.status = :pending "
                        + "and a.expiresAt > :now order by a.createdAt", DeviceApprovalEntity.class)
                .setParameter("user", device.userId()).setParameter("pending", DeviceApprovalEntity.PENDING)
                .setParameter("now", Instant.now()).getResultList().stream().map(DevicesBean::view).toList();
    }

    @Override
    public void decide(String deviceJwt, String approvalId, ApprovalDecision decision) throws ServiceException {
        DeviceEntity device = authenticate(deviceJwt);
        DeviceApprovalEntity approval = approvalId == null ? null : em.find(DeviceApprovalEntity.class, approvalId);
        String verdict = decision == null ? null : decision.decision();
        try {
            if (approval == null || !approval.userId().equals(device.userId())) {
                throw new ServiceException(ErrorCode.NOT_FOUND, "no such approval");
            }
            if (!"approve".equals(verdict) && !"decline".equals(verdict)) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "decision must be approve or decline");
            }
            if (decision.signature() == null || !DeviceKeys.verifies(device.publicJwk(),
                    DeviceKeys.signingInput(approval.content(), verdict), decision.signature())) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "the signature does not match this approval and decision");
            }
            String status = "approve".equals(verdict) ? DeviceApprovalEntity.APPROVED : DeviceApprovalEntity.DECLINED;
            Instant now = Instant.now();
            if (em.createNativeQuery("UPDATE sig_device_approval SET status = :status, device_id = :device, decided_at = :now "
                            + "WHERE id = :id AND status = '" + DeviceApprovalEntity.PENDING + "' AND expires_at > :now")
                    .setParameter("status", status).setParameter("device", device.id())
                    .setParameter("now", DeviceApprovalsBean.utc(now)).setParameter("id", approvalId).executeUpdate() != 1) {
                throw new ServiceException(ErrorCode.CONFLICT, "this approval is no longer pending (decided or timed out)");
            }
            audit.record(new AuditEvent("approve".equals(verdict) ? Events.DEVICE_APPROVED : Events.DEVICE_DECLINED,
                    AuditEvent.Outcome.SUCCESS, "device:" + device.id(), device.userId(), approval.binding().credentialId(),
                    Map.of("approval", approvalId)));
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.DEVICE_DECISION_REFUSED, AuditEvent.Outcome.REFUSED,
                    "device:" + device.id(), device.userId(), approval == null ? null : approval.binding().credentialId(),
                    Map.of("reason", e.getMessage(), "approval", String.valueOf(approvalId))));
            throw e;
        }
    }

    private DeviceEntity authenticate(String token) throws ServiceException {
        try {
            SignedJWT jwt = DeviceKeys.parse(token);
            DeviceEntity device = em.find(DeviceEntity.class, jwt.getJWTClaimsSet().getIssuer());
            Instant now = Instant.now();
            if (device == null || !DeviceKeys.valid(jwt, device.publicJwk(), now)) {
                throw new ServiceException(ErrorCode.INVALID_TOKEN, DeviceKeys.NOT_AUTHENTICATED);
            }
            device.seen(now);
            return device;
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.DEVICE_AUTHENTICATION_REFUSED, AuditEvent.Outcome.REFUSED, "device",
                    null, null, Map.of("reason", e.getMessage())));
            throw e;
        } catch (java.text.ParseException e) {
            throw new ServiceException(ErrorCode.INVALID_TOKEN, DeviceKeys.NOT_AUTHENTICATED);
        }
    }

    private static PendingApproval view(DeviceApprovalEntity approval) {
        JsonObject content = Json.createReader(new StringReader(approval.content())).readObject();
        return new PendingApproval(approval.id(), content.getString("credentialID"), content.getString("client"),
                content.getInt("numSignatures"), content.getString("hashAlgorithmOID", null),
                content.getJsonArray("hashes").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                content.getString("expiresAt"), Base64URL.encode(approval.content().getBytes(StandardCharsets.UTF_8)).toString());
    }

    private void requireUser(String userId) throws ServiceException {
        if (userId == null || ((Number) em.createNativeQuery("SELECT COUNT(*) FROM sig_user WHERE id = :id")
                .setParameter("id", userId).getSingleResult()).intValue() == 0) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such user");
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
