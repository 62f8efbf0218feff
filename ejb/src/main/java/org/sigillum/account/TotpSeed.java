package org.sigillum.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.SealedSecret;

/**
 * A user's TOTP seed as the row stores it: sealed by the HSM and bound to the user, never in clear; and the
 * last time step accepted, so that a code is good once.
 */
@Embeddable
public class TotpSeed {

    @Column(name = "totp_blob")
    private byte[] blob;
    @Column(name = "totp_tag")
    private byte[] tag;
    @Column(name = "totp_wrapping_label")
    private String wrappingLabel;
    /** Written only by the conditional update that claims a step, never from a stale copy of the row. */
    @Column(name = "totp_last_step", nullable = false, updatable = false)
    private long lastStep;

    public static KeyBinding binding(String userId) {
        return new KeyBinding("totp:" + userId, userId);
    }

    boolean enrolled() {
        return blob != null;
    }

    void enroll(SealedSecret sealed) {
        this.blob = sealed.blob();
        this.tag = sealed.bindingTag();
        this.wrappingLabel = sealed.wrappingKeyLabel();
    }

    SealedSecret sealed(String userId) {
        return new SealedSecret(binding(userId), wrappingLabel, blob, tag);
    }

    long lastStep() {
        return lastStep;
    }
}
