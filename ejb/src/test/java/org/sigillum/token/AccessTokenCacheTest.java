package org.sigillum.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sigillum.api.auth.TokenPrincipal;

/** The cache's own rules, without a container: lifetimes, and a lookup that raced with a revocation. */
class AccessTokenCacheTest {

    private static final TokenPrincipal ALICE = new TokenPrincipal("alice", "app", Set.of("service"));
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    private static AccessTokenCache cache(long seconds) {
        AccessTokenCache cache = new AccessTokenCache();
        cache.cacheSeconds = seconds;
        return cache;
    }

    @Test
    void aLiveTokenIsServedUntilTheCacheLifetimeEnds() {
        AccessTokenCache cache = cache(60);
        cache.remember("d", ALICE, NOW.plusSeconds(3600), cache.generation(), NOW);
        assertEquals(ALICE, cache.find("d", NOW.plusSeconds(59)));
        assertNull(cache.find("d", NOW.plusSeconds(60)));
    }

    @Test
    void neverPastTheTokensOwnExpiry() {
        AccessTokenCache cache = cache(60);
        cache.remember("d", ALICE, NOW.plusSeconds(5), cache.generation(), NOW);
        assertEquals(ALICE, cache.find("d", NOW.plusSeconds(4)));
        assertNull(cache.find("d", NOW.plusSeconds(5)));
    }

    @Test
    void aClearDropsEverything() {
        AccessTokenCache cache = cache(60);
        cache.remember("d", ALICE, NOW.plusSeconds(3600), cache.generation(), NOW);
        cache.clearHere();
        assertNull(cache.find("d", NOW));
    }

    @Test
    void aLookupThatBeganBeforeAClearIsNotKept() {
        AccessTokenCache cache = cache(60);
        long seen = cache.generation();
        // the database said "live", then a revocation committed and cleared the cache before this lookup stored it
        cache.clearHere();
        cache.remember("d", ALICE, NOW.plusSeconds(3600), seen, NOW);
        assertNull(cache.find("d", NOW));
    }

    @Test
    void zeroSecondsTurnsTheCacheOff() {
        AccessTokenCache cache = cache(0);
        cache.remember("d", ALICE, NOW.plusSeconds(3600), cache.generation(), NOW);
        assertNull(cache.find("d", NOW));
    }
}
