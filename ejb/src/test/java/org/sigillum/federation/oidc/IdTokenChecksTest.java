package org.sigillum.federation.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class IdTokenChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String ISSUER = "https://idp.example/realms/x";

    private static String problem(UnaryOperator<JWTClaimsSet.Builder> change, Long freshSince) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("sigillum").subject("s-1")
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("nonce", "n-1").claim("auth_time", NOW.minusSeconds(5).getEpochSecond());
        return IdTokenChecks.problem(change.apply(claims).build(), ISSUER, "sigillum", "n-1", freshSince, NOW);
    }

    @Test
    void aTokenThatKeepsEveryRulePasses() {
        assertNull(problem(UnaryOperator.identity(), NOW.minusSeconds(10).getEpochSecond()));
        assertNull(problem(c -> c.audience(List.of("sigillum", "other")).claim("azp", "sigillum"), null));
    }

    @Test
    void eachBrokenRuleHasItsOwnRefusal() {
        assertEquals(IdTokenChecks.WRONG_ISSUER, problem(c -> c.issuer(ISSUER + "/"), null));
        assertEquals(IdTokenChecks.WRONG_AUDIENCE, problem(c -> c.audience("other"), null));
        assertEquals(IdTokenChecks.WRONG_AUDIENCE, problem(c -> c.audience((String) null), null));
        assertEquals(IdTokenChecks.WRONG_AZP, problem(c -> c.audience(List.of("sigillum", "other")), null));
        assertEquals(IdTokenChecks.WRONG_AZP, problem(c -> c.claim("azp", "other"), null));
        assertEquals(IdTokenChecks.EXPIRED, problem(c -> c.expirationTime(Date.from(NOW.minusSeconds(61))), null));
        assertEquals(IdTokenChecks.EXPIRED, problem(c -> c.expirationTime(null), null));
        assertEquals(IdTokenChecks.BAD_IAT, problem(c -> c.issueTime(Date.from(NOW.plusSeconds(120))), null));
        assertEquals(IdTokenChecks.BAD_IAT, problem(c -> c.issueTime(Date.from(NOW.minusSeconds(3600))), null));
        assertEquals(IdTokenChecks.WRONG_NONCE, problem(c -> c.claim("nonce", "n-2"), null));
        assertEquals(IdTokenChecks.WRONG_NONCE, problem(c -> c.claim("nonce", null), null));
        assertEquals(IdTokenChecks.NO_SUBJECT, problem(c -> c.subject(null), null));
    }

    @Test
    void aStepUpNeedsAnAuthenticationAfterItStarted() {
        long stepUpAt = NOW.getEpochSecond();
        assertEquals(IdTokenChecks.NOT_FRESH, problem(c -> c.claim("auth_time", stepUpAt - 3600), stepUpAt));
        assertEquals(IdTokenChecks.NOT_FRESH, problem(c -> c.claim("auth_time", null), stepUpAt));
        assertNull(problem(c -> c.claim("auth_time", stepUpAt + 2), stepUpAt));
    }
}
