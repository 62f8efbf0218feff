package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.ExpendedJTIChecker;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * Remembers the IDs of client assertions already used, in the cluster-wide cache, until they expire: a captured
 * private_key_jwt assertion cannot be replayed (RFC 7523 3).
 */
@Stateless
@LocalBean
public class ClientAssertionReplayBean implements ExpendedJTIChecker<Void> {

    static final String CACHE = "java:jboss/infinispan/cache/sigillum/client-assertions";
    /** Assertions must expire within this; longer ones would pin memory for nothing. */
    private static final Duration MAX_REMEMBERED = Duration.ofMinutes(10);

    @Resource(lookup = CACHE)
    private Cache<String, Boolean> used;

    /** Claims the ID as it checks it, so two concurrent presentations of one assertion cannot both pass. */
    @Override
    public boolean isExpended(JWTID jti, ClientID clientId, ClientAuthenticationMethod method, Context<Void> context) {
        return used.putIfAbsent(key(jti, clientId), Boolean.TRUE, MAX_REMEMBERED.toSeconds(), TimeUnit.SECONDS) != null;
    }

    @Override
    public void markExpended(JWTID jti, java.util.Date expiration, ClientID clientId, ClientAuthenticationMethod method,
                             Context<Void> context) {
        long seconds = expiration == null ? MAX_REMEMBERED.toSeconds()
                : Math.max(1, Math.min(MAX_REMEMBERED.toSeconds(),
                        Duration.between(Instant.now(), expiration.toInstant()).toSeconds() + 60));
        used.put(key(jti, clientId), Boolean.TRUE, seconds, TimeUnit.SECONDS);
    }

    private static String key(JWTID jti, ClientID clientId) {
        return clientId.getValue() + " " + jti.getValue();
    }
}
