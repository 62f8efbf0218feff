package org.sigillum.activation.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sigillum.activation.otp.CodeBinding;

/**
 * A signing request a device must approve (V23_1): the exact content shown to and signed by the device, the
 * transaction it is bound to, and its state. Status, decision and use change only by conditional updates in
 * DeviceApprovalsBean, never from a stale copy.
 */
@Entity
@Table(name = "sig_device_approval")
public class DeviceApprovalEntity {

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String DECLINED = "DECLINED";

    @Id
    private String id;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(name = "credential_id", nullable = false)
    private String credentialId;
    @Column(name = "client_id", nullable = false)
    private String clientId;
    @Column(name = "request_binding")
    private String requestBinding;
    @Column(nullable = false)
    private String content;
    @Column(nullable = false, insertable = true, updatable = false)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "consumed_at", insertable = false, updatable = false)
    private Instant consumedAt;

    protected DeviceApprovalEntity() {
    }

    DeviceApprovalEntity(String id, String userId, CodeBinding binding, String content, Instant createdAt,
                         Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.credentialId = binding.credentialId();
        this.clientId = binding.clientId();
        this.requestBinding = binding.requestDigest();
        this.content = content;
        this.status = PENDING;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String content() {
        return content;
    }

    String status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    CodeBinding binding() {
        return new CodeBinding(credentialId, clientId, requestBinding);
    }
}
