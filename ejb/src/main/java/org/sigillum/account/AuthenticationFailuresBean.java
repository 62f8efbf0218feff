package org.sigillum.account;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.service.AuditTrail;

/**
 * Counts failed logins and wrong signing factors (checklist C8), each in a short transaction of its own, so the
 * count survives the refusal and no database connection is held while a factor is verified (G2).
 *
 * <p>An attempt is reserved before its factor is verified, by one conditional update that succeeds only while
 * failures plus attempts in flight stay below the limit and the factor is not locked: however many guesses
 * arrive at once, at most the limit are ever tested. The reservation is released on success and turned into a
 * failure (which may lock the factor) on a wrong factor. Times are stored as UTC, and only these updates write
 * the columns involved.
 */
@Stateless
@LocalBean
public class AuthenticationFailuresBean {

    /** A reservation older than this belongs to a request that died with its node. */
    private static final long STALE_SECONDS = 60;

    /** The factor families that are counted and locked apart: the password, and the signing PIN with its OTP. */
    public enum Factor {
        PASSWORD("password_hash", "failed_logins", "locked_until", "login_reserved", "login_reserved_at"),
        SIGNING("pin_hash", "failed_pins", "pin_locked_until", "pin_reserved", "pin_reserved_at");

        private final String hash;
        private final String failures;
        private final String lockedUntil;
        private final String reserved;
        private final String reservedAt;

        Factor(String hash, String failures, String lockedUntil, String reserved, String reservedAt) {
            this.hash = hash;
            this.failures = failures;
            this.lockedUntil = lockedUntil;
            this.reserved = reserved;
            this.reservedAt = reservedAt;
        }

        private String released() {
            return reserved + " = CASE WHEN " + reserved + " > 0 THEN " + reserved + " - 1 ELSE 0 END";
        }
    }

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "sigillum.login.max-failures", defaultValue = "5")
    int maxFailures;
    @Inject
    @ConfigProperty(name = "sigillum.login.lockout-seconds", defaultValue = "900")
    long lockoutSeconds;

    @Inject
    @ConfigProperty(name = "sigillum.pin.max-failures", defaultValue = "5")
    int maxPinFailures;
    @Inject
    @ConfigProperty(name = "sigillum.pin.lockout-seconds", defaultValue = "900")
    long pinLockoutSeconds;

    /** Reserves one attempt; false when the factor is locked or every attempt left is already in flight. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean reserve(String userId, Factor factor) {
        LocalDateTime now = utcNow();
        String live = "(" + factor.reservedAt + " IS NOT NULL AND " + factor.reservedAt + " > :stale)";
        return em.createNativeQuery("UPDATE sig_user SET " + factor.reserved + " = CASE WHEN " + live + " THEN "
                        + factor.reserved + " + 1 ELSE 1 END, " + factor.reservedAt + " = :now WHERE id = :id AND ("
                        + factor.lockedUntil + " IS NULL OR " + factor.lockedUntil + " <= :now) AND " + factor.failures
                        + " + CASE WHEN " + live + " THEN " + factor.reserved + " ELSE 0 END < :limit")
                .setParameter("id", userId).setParameter("now", now)
                .setParameter("stale", now.minusSeconds(STALE_SECONDS))
                .setParameter("limit", limit(factor)).executeUpdate() == 1;
    }

    /**
     * The reserved attempt proved the factor: failures are forgotten, and the stored hash is replaced by
     * {@code freshHash} when it is not null (a hash made with outdated parameters, SecretHasher.outdated).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(String userId, Factor factor, String freshHash) {
        Query update = em.createNativeQuery("UPDATE sig_user SET " + factor.released() + ", " + factor.failures
                + " = 0, " + factor.lockedUntil + " = NULL" + (freshHash == null ? "" : ", " + factor.hash + " = :hash")
                + " WHERE id = :id").setParameter("id", userId);
        if (freshHash != null) {
            update.setParameter("hash", freshHash);
        }
        update.executeUpdate();
    }

    /** The reserved attempt came to no verdict (the server could not check it): it costs nothing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void cancelled(String userId, Factor factor) {
        em.createNativeQuery("UPDATE sig_user SET " + factor.released() + " WHERE id = :id")
                .setParameter("id", userId).executeUpdate();
    }

    /**
     * The reserved attempt presented a wrong factor: it becomes a failure, and the limit-th one in a row locks the
     * factor. {@code refusal}, when given, is audited in the same transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String userId, Factor factor, AuditEvent refusal) {
        long lockout = factor == Factor.PASSWORD ? lockoutSeconds : pinLockoutSeconds;
        String reachesLimit = "WHEN " + factor.failures + " + 1 >= :limit";
        em.createNativeQuery("UPDATE sig_user SET " + factor.released() + ", " + factor.failures + " = CASE "
                        + reachesLimit + " THEN 0 ELSE " + factor.failures + " + 1 END, " + factor.lockedUntil + " = CASE "
                        + reachesLimit + " THEN :until ELSE " + factor.lockedUntil + " END WHERE id = :id")
                .setParameter("id", userId).setParameter("limit", limit(factor))
                .setParameter("until", utcNow().plusSeconds(lockout)).executeUpdate();
        if (refusal != null) {
            audit.record(refusal);
        }
    }

    /**
     * Records a TOTP time step as used, if no concurrent request has used it or a later one: the conditional update
     * is atomic in the database, so a code replayed at the same moment is accepted at most once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimTotpStep(String userId, long step) {
        return em.createNativeQuery("UPDATE sig_user SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                .setParameter("step", step).setParameter("id", userId).executeUpdate() == 1;
    }

    private int limit(Factor factor) {
        return factor == Factor.PASSWORD ? maxFailures : maxPinFailures;
    }

    private static LocalDateTime utcNow() {
        return LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }
}
