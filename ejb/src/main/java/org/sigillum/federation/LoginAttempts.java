package org.sigillum.federation;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.sigillum.api.federation.LevelOfAssurance;

/**
 * Login attempts and the federated sign-ins they produced, in the cluster-wide {@code federation} cache: any node
 * may receive the provider's answer. An attempt is taken (removed) once; a sign-in lives as long as its
 * authorization transaction.
 */
@ApplicationScoped
public class LoginAttempts {

    static final String CACHE = "java:jboss/infinispan/cache/sigillum/federation";
    private static final long ATTEMPT_SECONDS = 600;
    private static final String ATTEMPT = "attempt:";
    private static final String SIGN_IN = "signin:";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = CACHE)
    private Cache<String, Serializable> cache;

    /** A fresh attempt ID: 256 random bits, base64url, unguessable as it travels through the provider. */
    static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void save(LoginAttempt attempt) {
        cache.put(ATTEMPT + attempt.id(), attempt, ATTEMPT_SECONDS, TimeUnit.SECONDS);
    }

    /** The attempt, still waiting, for the protocol's checks (it is taken only by the completion). */
    public LoginAttempt peek(String id) {
        return id == null ? null : (LoginAttempt) cache.get(ATTEMPT + id);
    }

    LoginAttempt take(String id) {
        return id == null ? null : (LoginAttempt) cache.remove(ATTEMPT + id);
    }

    void signedIn(String transactionId, FederatedSignIn signIn) {
        cache.put(SIGN_IN + transactionId, signIn, ATTEMPT_SECONDS, TimeUnit.SECONDS);
    }

    FederatedSignIn signIn(String transactionId) {
        return (FederatedSignIn) cache.get(SIGN_IN + transactionId);
    }

    static LevelOfAssurance levelOf(FederatedSignIn signIn) {
        return signIn == null ? LevelOfAssurance.LOW : signIn.level();
    }
}
