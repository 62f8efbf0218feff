package org.sigillum.federation.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The claims an ID token must carry for this sign-in (OpenID Connect Core 3.1.3.7), each with the refusal it
 * earns; the signature has been verified before. Plain Java, so each rule is tested on its own.
 */
final class IdTokenChecks {

    static final long SKEW_SECONDS = 60;
    static final long MAX_AGE_SECONDS = 600;

    static final String WRONG_ISSUER = "the ID token was issued by another issuer (iss)";
    static final String WRONG_AUDIENCE = "the ID token is not addressed to this client (aud)";
    static final String WRONG_AZP = "the ID token was issued to another party (azp)";
    static final String EXPIRED = "the ID token has expired (exp)";
    static final String BAD_IAT = "the ID token's issue time is missing or out of range (iat)";
    static final String WRONG_NONCE = "the ID token's nonce does not match this sign-in";
    static final String NO_SUBJECT = "the ID token names no subject (sub)";
    static final String NOT_FRESH = "the identity provider did not authenticate the user afresh (auth_time)";

    private IdTokenChecks() {
    }

    /** The first rule {@code claims} break, or null when they pass. */
    static String problem(JWTClaimsSet claims, String issuer, String clientId, String nonce, Long freshSince,
                          Instant now) {
        if (!issuer.equals(claims.getIssuer())) {
            return WRONG_ISSUER;
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            return WRONG_AUDIENCE;
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 && azp == null) || (azp != null && !clientId.equals(azp))) {
            return WRONG_AZP;
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant().plusSeconds(SKEW_SECONDS))) {
            return EXPIRED;
        }
        Date iat = claims.getIssueTime();
        if (iat == null || iat.toInstant().isAfter(now.plusSeconds(SKEW_SECONDS))
                || iat.toInstant().isBefore(now.minusSeconds(MAX_AGE_SECONDS))) {
            return BAD_IAT;
        }
        if (!nonce.equals(claims.getClaim("nonce"))) {
            return WRONG_NONCE;
        }
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            return NO_SUBJECT;
        }
        if (freshSince != null) {
            Object authTime = claims.getClaim("auth_time");
            if (!(authTime instanceof Number n) || n.longValue() < freshSince - SKEW_SECONDS) {
                return NOT_FRESH;
            }
        }
        return null;
    }
}
