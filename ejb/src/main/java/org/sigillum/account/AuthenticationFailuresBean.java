package org.sigillum.account;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins and wrong PINs in transactions of their own, so the count survives the refusal's
 * rollback; the row lock makes concurrent guesses count one by one (checklist C8).
 */
@Stateless
@LocalBean
public class AuthenticationFailuresBean {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;

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

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void loginFailed(String userId) {
        UserEntity user = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user != null) {
            user.logins().failed(Instant.now(), maxFailures, Duration.ofSeconds(lockoutSeconds));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void pinFailed(String userId) {
        UserEntity user = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user != null) {
            user.pins().failed(Instant.now(), maxPinFailures, Duration.ofSeconds(pinLockoutSeconds));
        }
    }
}
