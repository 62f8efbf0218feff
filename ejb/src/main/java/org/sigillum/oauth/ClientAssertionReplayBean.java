package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.JWTAuthentication;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.ExpendedJTIChecker;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.sigillum.sam.auth.Digests;
import org.sigillum.sam.once.SingleUseLedger;

/**
 * Claims the ID of each client assertion in the single-use ledger: a captured private_key_jwt assertion cannot
 * be replayed (RFC 7523 3), on any node. Assertions must expire soon, so that none outlives its ledger entry.
 */
@Stateless
@LocalBean
public class ClientAssertionReplayBean implements ExpendedJTIChecker<Void> {

    /** Far below the ledger's retention; a client makes a fresh assertion per request anyway. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    @EJB
    private SingleUseLedger ledger;

    static boolean expiresTooLate(JWTAuthentication assertion) {
        Date expiry = assertion.getJWTAuthenticationClaimsSet().getExpirationTime();
        return expiry == null || expiry.toInstant().isAfter(Instant.now().plus(MAX_LIFETIME));
    }

    /** Claims the ID as it checks it, so two concurrent presentations of one assertion cannot both pass. */
    @Override
    public boolean isExpended(JWTID jti, ClientID clientId, ClientAuthenticationMethod method, Context<Void> context) {
        return !ledger.claim("jti", Digests.sha256Hex(clientId.getValue() + " " + jti.getValue()));
    }

    /** Nothing left to do: {@link #isExpended} claimed the ID already. */
    @Override
    public void markExpended(JWTID jti, Date expiration, ClientID clientId, ClientAuthenticationMethod method,
                             Context<Void> context) {
    }
}
