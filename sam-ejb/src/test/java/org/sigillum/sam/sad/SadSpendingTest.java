package org.sigillum.sam.sad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.sam.sad.SadRules.Rule;

/** The SAM's consume path: checked against the caller before it is spent, spent once, never after its time. */
class SadSpendingTest {

    private static final TokenPrincipal OWNER = new TokenPrincipal("user-1", "client", Set.of("service"));
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final Map<String, SadRecord> cache = new HashMap<>();
    private int consumed;
    private final SadSpending spending = new SadSpending(new SadSpending.Store() {
        @Override
        public SadRecord peek(String key) {
            return cache.get(key);
        }

        @Override
        public SadRecord consume(String key) {
            consumed++;
            return cache.remove(key);
        }
    });

    private String issue(Instant expiresAt) {
        String value = SadStore.newValue();
        cache.put(SadStore.key(value), new SadRecord(SadRulesTest.grant("2", 1, NOW), expiresAt));
        return value;
    }

    private Rule refusal(String sad, TokenPrincipal caller, String credentialId, Instant now) {
        return assertThrows(SadRefusal.class, () -> spending.spend(sad, caller, credentialId, now)).rule();
    }

    @Test
    void a1TheOwnerSpendsItOnce() throws Exception {
        String sad = issue(NOW.plusSeconds(300));
        assertNotNull(spending.spend(sad, OWNER, "cred-1", NOW));
        assertTrue(cache.isEmpty());
        assertEquals(Rule.UNKNOWN_OR_SPENT, refusal(sad, OWNER, "cred-1", NOW));
    }

    @Test
    void a12AWrongCallerNeitherSpendsNorBurnsIt() throws Exception {
        String sad = issue(NOW.plusSeconds(300));
        assertEquals(Rule.OTHER_USER, refusal(sad, new TokenPrincipal("user-2", "client", Set.of("service")), "cred-1", NOW));
        assertEquals(Rule.OTHER_CLIENT, refusal(sad, new TokenPrincipal("user-1", "other", Set.of("service")), "cred-1", NOW));
        assertEquals(Rule.OTHER_CREDENTIAL, refusal(sad, OWNER, "cred-2", NOW));
        assertEquals(0, consumed, "nothing consumed for a wrong caller");
        assertNotNull(spending.spend(sad, OWNER, "cred-1", NOW), "the owner's SAD is intact");
    }

    @Test
    void a5AnExpiredOrUnknownSadIsRefused() {
        String sad = issue(NOW.plusSeconds(300));
        assertEquals(Rule.UNKNOWN_OR_SPENT, refusal(sad, OWNER, "cred-1", NOW.plusSeconds(300)));
        assertEquals(Rule.UNKNOWN_OR_SPENT, refusal(SadStore.newValue(), OWNER, "cred-1", NOW));
        assertEquals(Rule.UNKNOWN_OR_SPENT, refusal(null, OWNER, "cred-1", NOW));
        assertEquals(Rule.UNKNOWN_OR_SPENT, refusal(" ", OWNER, "cred-1", NOW));
    }

    @Test
    void a8LosingTheRaceToConsumeIsRefused() {
        String sad = issue(NOW.plusSeconds(300));
        SadSpending racing = new SadSpending(new SadSpending.Store() {
            @Override
            public SadRecord peek(String key) {
                return cache.get(key);
            }

            @Override
            public SadRecord consume(String key) {
                return null; // another node consumed it between the look and the claim
            }
        });
        assertEquals(Rule.UNKNOWN_OR_SPENT, assertThrows(SadRefusal.class,
                () -> racing.spend(sad, OWNER, "cred-1", NOW)).rule());
    }
}
