package org.sigillum.hsm.adapter.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeyCacheStatistics;

class UnwrappedKeyCacheTest {

    /** A clock that only moves when the test says so. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static final KeyCachePolicy MINUTE_TEN_USES = new KeyCachePolicy(Duration.ofMinutes(1), 10);
    private static final Object OWNER_A = new Object();
    private static final Object OWNER_B = new Object();

    private final MutableClock clock = new MutableClock();
    private final UnwrappedKeyCache cache = new UnwrappedKeyCache(4, clock);

    private static UnwrappedKeyCache.Key key(String credentialId) {
        return new UnwrappedKeyCache.Key(credentialId, "blob-of-" + credentialId);
    }

    private static byte[] objectId(long handle) {
        return new byte[] {(byte) handle, 1, 2, 3};
    }

    private boolean offer(UnwrappedKeyCache target, String credentialId, long handle, Object owner, KeyCachePolicy policy) {
        return target.offer(key(credentialId), handle, objectId(handle), owner, policy, 1);
    }

    private boolean offer(String credentialId, long handle, Object owner, KeyCachePolicy policy) {
        return offer(cache, credentialId, handle, owner, policy);
    }

    private List<Long> drainedHandles() {
        return cache.drainDestroyable().stream().map(UnwrappedKeyCache.Doomed::handle).toList();
    }

    @Test
    void missThenOfferThenHitAreCounted() {
        assertNull(cache.acquire(key("c1")));
        assertTrue(offer("c1", 11, OWNER_A, MINUTE_TEN_USES));

        UnwrappedKeyCache.Lease lease = cache.acquire(key("c1"));
        assertNotNull(lease);
        assertEquals(11, lease.handle());
        assertArrayEquals(objectId(11), lease.objectId());
        cache.release(lease);

        KeyCacheStatistics stats = cache.statistics();
        assertEquals(1, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(1, stats.size());
        assertEquals(4, stats.capacity());
        assertEquals(List.of(), drainedHandles(), "a live entry is not destroyed");
    }

    @Test
    void maxUsesCountsTheFirstSignatureSoThreeUsesAllowTwoHits() {
        assertTrue(offer("c1", 11, OWNER_A, new KeyCachePolicy(Duration.ofMinutes(1), 3)));

        cache.release(cache.acquire(key("c1")));
        UnwrappedKeyCache.Lease last = cache.acquire(key("c1"));
        assertNotNull(last, "second cached use");
        assertEquals(0, cache.statistics().size(), "the last use retires the entry");
        assertEquals(List.of(), drainedHandles(), "not destroyed while the last signer holds it");
        cache.release(last);

        assertNull(cache.acquire(key("c1")), "uses exhausted");
        assertEquals(List.of(11L), drainedHandles());
        assertEquals(List.of(), drainedHandles(), "a handle is handed out for destruction only once");
        assertEquals(2, cache.statistics().hits());
    }

    @Test
    void expiredEntryIsRetiredAndDrainedExactlyOnce() {
        assertTrue(offer("c1", 11, OWNER_A, new KeyCachePolicy(Duration.ofSeconds(10), 10)));
        clock.advance(Duration.ofSeconds(9));
        assertEquals(List.of(), drainedHandles(), "not expired yet");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(11L), drainedHandles());
        assertEquals(List.of(), drainedHandles());
        assertNull(cache.acquire(key("c1")));
        KeyCacheStatistics stats = cache.statistics();
        assertEquals(1, stats.expirations());
        assertEquals(0, stats.size());
    }

    @Test
    void eachEntryIsDrainedWhenItsOwnLifetimeEndsThoughTheDrainSkipsScansBefore() {
        assertTrue(offer("c1", 11, OWNER_A, new KeyCachePolicy(Duration.ofSeconds(10), 10)));
        assertTrue(offer("c2", 12, OWNER_A, new KeyCachePolicy(Duration.ofSeconds(30), 10)));
        assertEquals(List.of(), drainedHandles(), "nothing expired yet");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of(11L), drainedHandles(), "the earlier one first");
        clock.advance(Duration.ofSeconds(19));
        assertEquals(List.of(), drainedHandles(), "the later one still lives");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(12L), drainedHandles());
        assertTrue(offer("c3", 13, OWNER_A, new KeyCachePolicy(Duration.ofSeconds(5), 10)));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of(13L), drainedHandles(), "an entry offered after a scan sets the next scan");
        assertEquals(3, cache.statistics().expirations());
    }

    @Test
    void acquireOfAnExpiredEntryIsAMissAndQueuesItsHandle() {
        assertTrue(offer("c1", 11, OWNER_A, new KeyCachePolicy(Duration.ofSeconds(10), 10)));
        clock.advance(Duration.ofSeconds(10));

        assertNull(cache.acquire(key("c1")));
        assertEquals(1, cache.statistics().misses());
        assertEquals(1, cache.statistics().expirations());
        assertEquals(List.of(11L), drainedHandles());
    }

    @Test
    void fullCacheEvictsTheLeastRecentlyUsedEntry() {
        UnwrappedKeyCache small = new UnwrappedKeyCache(2, clock);
        assertTrue(offer(small, "c1", 11, OWNER_A, MINUTE_TEN_USES));
        assertTrue(offer(small, "c2", 12, OWNER_A, MINUTE_TEN_USES));
        small.release(small.acquire(key("c1")));

        assertTrue(offer(small, "c3", 13, OWNER_A, MINUTE_TEN_USES));

        assertEquals(List.of(12L), small.drainDestroyable().stream().map(UnwrappedKeyCache.Doomed::handle).toList());
        assertNull(small.acquire(key("c2")));
        assertNotNull(small.acquire(key("c1")));
        assertNotNull(small.acquire(key("c3")));
        assertEquals(1, small.statistics().evictions());
        assertEquals(2, small.statistics().size());
    }

    @Test
    void offerForAKeyAlreadyCachedReplacesAndQueuesTheOldHandle() {
        assertTrue(offer("c1", 11, OWNER_A, MINUTE_TEN_USES));
        assertTrue(offer("c1", 21, OWNER_A, MINUTE_TEN_USES));

        assertEquals(List.of(11L), drainedHandles());
        assertEquals(21, cache.acquire(key("c1")).handle());
    }

    @Test
    void entryRetiredWhileLeasedIsDestroyedOnlyAfterRelease() {
        assertTrue(offer("c1", 11, OWNER_A, MINUTE_TEN_USES));
        UnwrappedKeyCache.Lease lease = cache.acquire(key("c1"));

        cache.evictCredential("c1");
        assertEquals(List.of(), drainedHandles(), "evicted but still in use");
        assertNull(cache.acquire(key("c1")), "an evicted entry is never handed out again");

        cache.release(lease);
        assertEquals(List.of(11L), drainedHandles());
    }

    @Test
    void entryExpiringWhileLeasedIsDestroyedOnlyAfterRelease() {
        assertTrue(offer("c1", 11, OWNER_A, new KeyCachePolicy(Duration.ofSeconds(10), 10)));
        UnwrappedKeyCache.Lease lease = cache.acquire(key("c1"));
        clock.advance(Duration.ofSeconds(11));

        assertEquals(List.of(), drainedHandles(), "expired but still in use");
        cache.release(lease);
        assertEquals(List.of(11L), drainedHandles());
    }

    @Test
    void forgetOwnerDropsItsEntriesAndQueuedHandlesWithoutDestroyingThem() {
        assertTrue(offer("c1", 11, OWNER_A, MINUTE_TEN_USES));
        assertTrue(offer("c2", 12, OWNER_A, MINUTE_TEN_USES));
        assertTrue(offer("c3", 13, OWNER_B, MINUTE_TEN_USES));
        cache.evictCredential("c2");

        cache.forgetOwner(OWNER_A);

        assertEquals(List.of(), drainedHandles(), "objects of a closed session vanished with it");
        assertNull(cache.acquire(key("c1")));
        assertNotNull(cache.acquire(key("c3")), "another owner's entry stays");
        assertEquals(1, cache.statistics().size());
    }

    @Test
    void forgetOwnerWhileAnotherSessionLeasesItsLiveEntryNeverQueuesTheHandle() {
        assertTrue(offer("c1", 11, OWNER_A, MINUTE_TEN_USES));
        UnwrappedKeyCache.Lease lease = cache.acquire(key("c1"));

        cache.forgetOwner(OWNER_A);
        cache.release(lease);

        assertEquals(List.of(), drainedHandles());
    }

    @Test
    void forgetOwnerWhileAnotherSessionLeasesItsRetiredEntryNeverQueuesTheHandle() {
        assertTrue(offer("c1", 11, OWNER_A, MINUTE_TEN_USES));
        UnwrappedKeyCache.Lease lease = cache.acquire(key("c1"));
        cache.evictCredential("c1");

        cache.forgetOwner(OWNER_A);
        cache.release(lease);

        assertEquals(List.of(), drainedHandles(), "the owner's session is closed: handle 11 may name another object now");
    }

    @Test
    void discardStaleForgetsTheEntryAndNeverQueuesIt() {
        assertTrue(offer("c1", 11, OWNER_A, MINUTE_TEN_USES));
        UnwrappedKeyCache.Lease lease = cache.acquire(key("c1"));

        cache.discardStale(lease);

        assertNull(cache.acquire(key("c1")));
        assertEquals(List.of(), drainedHandles());
        KeyCacheStatistics stats = cache.statistics();
        assertEquals(1, stats.staleHandles());
        assertEquals(0, stats.size());
    }

    @Test
    void evictCredentialRetiresEveryBlobOfThatCredentialOnly() {
        assertTrue(cache.offer(new UnwrappedKeyCache.Key("c1", "old-blob"), 11, objectId(11), OWNER_A, MINUTE_TEN_USES, 1));
        assertTrue(cache.offer(new UnwrappedKeyCache.Key("c1", "new-blob"), 12, objectId(12), OWNER_A, MINUTE_TEN_USES, 1));
        assertTrue(offer("c2", 13, OWNER_A, MINUTE_TEN_USES));

        cache.evictCredential("c1");

        assertEquals(List.of(11L, 12L), drainedHandles().stream().sorted().toList());
        assertNotNull(cache.acquire(key("c2")));
        assertEquals(2, cache.statistics().evictions());
        assertEquals(1, cache.statistics().size());
    }

    @Test
    void forgetAllDropsEverythingAndDestroysNothing() {
        assertTrue(offer("c1", 11, OWNER_A, MINUTE_TEN_USES));
        assertTrue(offer("c2", 12, OWNER_B, MINUTE_TEN_USES));
        assertTrue(offer("c3", 13, OWNER_B, MINUTE_TEN_USES));
        UnwrappedKeyCache.Lease lease = cache.acquire(key("c2"));
        cache.evictCredential("c3");

        cache.forgetAll();
        cache.release(lease);

        assertEquals(List.of(), drainedHandles(), "after a library reload every handle is meaningless");
        assertNull(cache.acquire(key("c1")));
        assertEquals(0, cache.statistics().size());
    }

    @Test
    void offerIsDeclinedWhenPolicyIsNone() {
        assertFalse(offer("c1", 11, OWNER_A, KeyCachePolicy.NONE));
        assertEquals(0, cache.statistics().size());
    }

    @Test
    void offerIsDeclinedWhenCapacityIsZero() {
        UnwrappedKeyCache none = new UnwrappedKeyCache(0, clock);
        assertFalse(offer(none, "c1", 11, OWNER_A, MINUTE_TEN_USES));
        assertEquals(0, none.statistics().size());
    }

    @Test
    void offerIsDeclinedWhenTheFirstSignatureSpentTheOnlyUse() {
        assertFalse(offer("c1", 11, OWNER_A, new KeyCachePolicy(Duration.ofMinutes(1), 1)));
        assertEquals(0, cache.statistics().size());
    }
}
