package org.sigillum.activation.otp;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * Sends one-time codes and accepts each once, for the transaction it was sent for. Before a code goes out, the
 * codes sent to the same recipient (by any account) and for the same client application within the window are
 * counted, and the send is refused at the limit (checklist G4): the service cannot be used to flood someone's
 * inbox or phone. A new code for a transaction voids the one sent before.
 */
@Stateless
@LocalBean
public class OtpChallengesBean {

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Inject
    private OtpChannels channels;

    @Inject
    @ConfigProperty(name = "sigillum.otp.digits", defaultValue = "6")
    int digits;
    @Inject
    @ConfigProperty(name = "sigillum.otp.validity-seconds", defaultValue = "300")
    long validitySeconds;
    @Inject
    @ConfigProperty(name = "sigillum.otp.rate-window-seconds", defaultValue = "900")
    long windowSeconds;
    @Inject
    @ConfigProperty(name = "sigillum.otp.max-per-recipient", defaultValue = "5")
    int maxPerRecipient;
    @Inject
    @ConfigProperty(name = "sigillum.otp.max-per-client", defaultValue = "500")
    int maxPerClient;

    /** Whether the deployment has a channel of this ID and {@code recipient} is an address it can deliver to. */
    public boolean acceptsRecipient(String channelId, String recipient) {
        return channels.byId(channelId).map(c -> c.accepts(recipient)).orElse(false);
    }

    public String normalizedRecipient(String channelId, String recipient) {
        return channels.byId(channelId).map(c -> c.normalized(recipient)).orElse(recipient);
    }

    /**
     * Sends a fresh code for {@code binding} to {@code recipient}. The user's row is locked first, so that the
     * sends for one account are counted one after another; if delivery fails, nothing is stored or counted.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(String userId, String channelId, String recipient, CodeBinding binding) throws ServiceException {
        OtpChannel channel = channels.byId(channelId).orElseThrow(() -> new ServiceException(
                ErrorCode.INVALID_REQUEST, "no channel " + channelId + " is deployed"));
        if (digits < 6 || digits > 8) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "sigillum.otp.digits must be 6, 7 or 8");
        }
        em.createNativeQuery("SELECT id FROM sig_user WHERE id = :id FOR UPDATE").setParameter("id", userId).getResultList();
        Instant now = Instant.now();
        Instant since = now.minusSeconds(windowSeconds);
        String recipientHash = OneTimeCodes.recipientHash(channelId, channel.normalized(recipient));
        long toRecipient = em.createQuery("select count(c) from OtpChallengeEntity c where c.recipientHash = :r "
                + "and c.createdAt > :since", Long.class).setParameter("r", recipientHash).setParameter("since", since)
                .getSingleResult();
        long forClient = em.createQuery("select count(c) from OtpChallengeEntity c where c.clientId = :client "
                + "and c.createdAt > :since", Long.class).setParameter("client", binding.clientId())
                .setParameter("since", since).getSingleResult();
        if (toRecipient >= maxPerRecipient || forClient >= maxPerClient) {
            throw new ServiceException(ErrorCode.TOO_MANY_REQUESTS,
                    "too many codes were sent to this recipient or for this application; retry later");
        }
        em.createNativeQuery("UPDATE sig_otp_challenge SET consumed_at = :now WHERE user_id = :user AND credential_id = "
                        + ":credential AND client_id = :client AND consumed_at IS NULL")
                .setParameter("now", utc(now)).setParameter("user", userId).setParameter("credential", binding.credentialId())
                .setParameter("client", binding.clientId()).executeUpdate();
        String code = OneTimeCodes.generate(digits);
        String salt = OneTimeCodes.salt();
        Duration validity = Duration.ofSeconds(validitySeconds);
        em.persist(new OtpChallengeEntity(UUID.randomUUID().toString(), userId, binding, channelId, recipientHash, salt,
                OneTimeCodes.hash(salt, code), now, now.plus(validity)));
        em.flush();
        channel.deliver(recipient, code, validity);
    }

    /**
     * Accepts {@code code} for {@code presented} if it is the live code sent for that transaction: returns the
     * channel it was sent by, having consumed it (at most once, whatever runs concurrently), or null.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String claim(String userId, CodeBinding presented, String code) {
        Instant now = Instant.now();
        List<OtpChallengeEntity> live = em.createQuery("select c from OtpChallengeEntity c where c.userId = :user "
                        + "and c.credentialId = :credential and c.clientId = :client and c.expiresAt > :now "
                        + "and c.consumedAt is null "
                        + "order by c.createdAt desc", OtpChallengeEntity.class)
                .setParameter("user", userId).setParameter("credential", presented.credentialId())
                .setParameter("client", presented.clientId()).setParameter("now", now).getResultList();
        for (OtpChallengeEntity challenge : live) {
            if (challenge.binding().admits(presented) && challenge.matches(code)
                    && em.createNativeQuery("UPDATE sig_otp_challenge SET consumed_at = :now WHERE id = :id "
                            + "AND consumed_at IS NULL").setParameter("now", utc(now)).setParameter("id", challenge.id())
                    .executeUpdate() == 1) {
                return challenge.channel();
            }
        }
        return null;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
