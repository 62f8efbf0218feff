package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sigillum.account.SigningCodesBean;
import org.sigillum.account.SigningFactorsBean;
import org.sigillum.account.UserEntity;
import org.sigillum.activation.otp.CodeBinding;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.audit.Events;
import org.sigillum.csc.SadGrants;
import org.sigillum.federation.LevelGate;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.settings.ServiceSettings;
import org.sigillum.tenancy.Tenants;

/**
 * The consent step, reached once a user is signed in (by any means): shows what the client asks for, and for a
 * credential authorization takes the signing PIN (and one-time code) that approve it.
 */
@Stateless
@LocalBean
public class ConsentStepBean {

    private static final String WRONG_FACTOR = "The PIN or one-time code is wrong, or signing is locked.";
    private static final String MISSING_FACTOR = "Enter your PIN, and your one-time code if you use one.";

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private SigningFactorsBean signingFactors;
    @EJB
    private SigningCodesBean signingCodes;
    @EJB
    private AuditTrail audit;
    @EJB
    private ConsentTransactionsBean transactions;
    @EJB
    private AuthorizationOutcomesBean outcomes;
    @EJB
    private LevelGate levels;

    @Inject
    ServiceSettings settings;

    /**
     * Signs the transaction in as {@code userId} and shows the consent page; a credential the user may not use
     * ends the transaction with an error at the client.
     */
    public AuthorizationStep signedIn(AuthorizationTransaction transaction, String userId) {
        UserEntity user = em.find(UserEntity.class, userId);
        AuthorizationTransaction authenticated = transactions.authenticated(transaction, userId, user.username(),
                Instant.now());
        try {
            requested(authenticated);
        } catch (ServiceException e) {
            transactions.drop(authenticated);
            return outcomes.refused(transaction.pending(), OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()));
        }
        return page(authenticated, null);
    }

    public AuthorizationStep decide(AuthorizationTransaction transaction, boolean approved, String pin, String otp)
            throws ServiceException {
        PendingAuthorization pending = transaction.pending();
        if (transaction.userId() == null) {
            throw new ServiceException(ErrorCode.ACCESS_DENIED, "log in first");
        }
        if (!approved) {
            transactions.drop(transaction);
            return outcomes.declined(transaction);
        }
        SadGrant grant = null;
        if (pending.credential() != null) {
            List<String> factors;
            try {
                // before this transaction touches the database: no connection is held while the PIN is hashed (G2)
                factors = signingFactors.verify(transaction.userId(), pin, otp, codeBinding(transaction), new AuditEvent(
                        Events.AUTHORIZATION_REFUSED, AuditEvent.Outcome.REFUSED, transaction.userId(), transaction.userId(),
                        AuthorizationOutcomesBean.credentialId(pending),
                        Map.of("reason", SigningFactorsBean.WRONG_AUTHENTICATION, "via", "consent"))
                        .forClient(pending.clientId()));
            } catch (ServiceException e) {
                if (e.code() == ErrorCode.INVALID_REQUEST) {
                    return page(transaction, MISSING_FACTOR);
                }
                if (e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
                    throw e;
                }
                Optional<AuthorizationTransaction> failed = transactions.failed(transaction);
                if (failed.isEmpty()) {
                    return outcomes.refused(pending, OAuth2Error.ACCESS_DENIED.setDescription("too many wrong PINs"));
                }
                return page(failed.get(), WRONG_FACTOR);
            }
            grant = levels.admit(transaction.id(), requested(transaction).authenticatedBy(factors, Instant.now()));
        }
        if (!transactions.complete(transaction)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "this authorization was already completed");
        }
        return outcomes.approved(transaction, grant);
    }

    /** The credential authorization as the signed-in user may have it: their own credential, valid parameters. */
    private SadGrant requested(AuthorizationTransaction transaction) throws ServiceException {
        CredentialRequest credential = transaction.pending().credential();
        if (credential == null) {
            return null;
        }
        CredentialEntity entity = em.find(CredentialEntity.class, credential.credentialId());
        if (entity == null || !entity.ownerId().equals(transaction.userId())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "invalid credentialID");
        }
        return SadGrants.requested(entity, transaction.userId(), transaction.pending().clientId(),
                credential.numSignatures(), credential.hashAlgorithmOid(), credential.hashes(), settings.maxSignatures(),
                Tenants.policyOfUser(em, transaction.userId()));
    }

    /** The consent page of a signed-in transaction as it stands (again, in another language). */
    public AuthorizationStep current(AuthorizationTransaction transaction) throws ServiceException {
        if (transaction.userId() == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "this sign-in has expired; start again from the application");
        }
        return page(transaction, null);
    }

    /**
     * Sends the signed-in user a code by e-mail or SMS, bound to this transaction's credential and hashes, and shows
     * the consent page again saying so (or why not).
     */
    public AuthorizationStep sendCode(AuthorizationTransaction transaction) throws ServiceException {
        PendingAuthorization pending = transaction.pending();
        if (transaction.userId() == null) {
            throw new ServiceException(ErrorCode.ACCESS_DENIED, "log in first");
        }
        if (pending.credential() == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "no signature is being approved");
        }
        String channel;
        try {
            channel = signingCodes.send(transaction.userId(), null, codeBinding(transaction));
        } catch (ServiceException e) {
            audit.recordRefusal(new AuditEvent(Events.OTP_SEND_REFUSED, AuditEvent.Outcome.REFUSED, transaction.userId(),
                    transaction.userId(), AuthorizationOutcomesBean.credentialId(pending),
                    Map.of("reason", e.getMessage(), "via", "consent")).forClient(pending.clientId()));
            return page(transaction, e.code() == ErrorCode.TOO_MANY_REQUESTS
                    ? "Too many codes were sent to you. Wait a few minutes and try again." : e.getMessage(), null);
        }
        if (channel == null) {
            return page(transaction, null);
        }
        audit.record(new AuditEvent(Events.OTP_SENT, AuditEvent.Outcome.SUCCESS, transaction.userId(),
                transaction.userId(), AuthorizationOutcomesBean.credentialId(pending),
                Map.of("channel", channel, "via", "consent")).forClient(pending.clientId()));
        return page(transaction, null, SigningFactorsBean.EMAIL_OTP.equals(channel)
                ? "A code was sent to your e-mail address." : "A code was sent to your phone by SMS.");
    }

    /**
     * The transaction a code sent from the consent page is bound to: this credential, client and SAD request, computed
     * from the pending request alone, so that the consent step's transaction has not touched the database before
     * the PIN is verified (G2).
     */
    private static CodeBinding codeBinding(AuthorizationTransaction transaction) throws ServiceException {
        CredentialRequest credential = transaction.pending().credential();
        List<String> hashes = credential.hashes() == null || credential.hashes().isEmpty() ? List.of()
                : SadGrants.canonicalHashes(credential.hashAlgorithmOid(), credential.hashes(), Integer.MAX_VALUE);
        return CodeBinding.request(credential.credentialId(), CodeBinding.caller(transaction.pending().clientId(),
                transaction.userId()), credential.numSignatures() == null ? 0 : credential.numSignatures(),
                credential.hashAlgorithmOid(), hashes);
    }

    private AuthorizationStep page(AuthorizationTransaction transaction, String error) {
        return page(transaction, error, null);
    }

    private AuthorizationStep page(AuthorizationTransaction transaction, String error, String notice) {
        CredentialRequest credential = transaction.pending().credential();
        if (credential == null) {
            return ConsentPages.consent(transaction, null, false, error, List.of(), notice);
        }
        CredentialEntity entity = em.find(CredentialEntity.class, credential.credentialId());
        return ConsentPages.consent(transaction, ConsentPages.describeKey(entity.keyAlgorithm(), entity.curve(),
                entity.keyLength(), entity.id()), signingFactors.otpRequired(transaction.userId()), error,
                signingFactors.secondFactors(transaction.userId()).stream()
                        .filter(f -> !f.equals(SigningFactorsBean.OTP)).toList(), notice);
    }
}
