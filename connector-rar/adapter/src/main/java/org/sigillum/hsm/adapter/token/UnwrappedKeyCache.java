package org.sigillum.hsm.adapter.token;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.KeyCacheStatistics;

/**
 * Unwrapped private keys kept as HSM session objects for a bounded time and number of uses. The cache holds
 * only object handles; the key material never leaves the HSM. Entries are reference-counted, so a handle is
 * destroyed only once no signature is using it (otherwise a freed handle number could be reused for another
 * key while a signer still holds it). Handles to destroy are queued and destroyed by whichever session next
 * passes by, or by the housekeeping timer.
 */
public final class UnwrappedKeyCache {

    /**
     * Which wrapped key an entry came from: the credential plus a digest over everything the binding check
     * covered (binding, key spec, wrapping key, blob, tag). A hit therefore means the HSM verified exactly
     * these inputs when the entry was made; a copied or altered blob never hits.
     */
    public record Key(String credentialId, String blobDigest) {
    }

    /** A cached object to destroy; the CKA_ID lets the destroyer check the handle still names that object. */
    public record Doomed(long handle, byte[] objectId) {
    }

    /** A signer's hold on a cached key object; give it back with {@link #release}. */
    public static final class Lease {
        private final Entry entry;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public long handle() {
            return entry.handle;
        }

        public byte[] objectId() {
            return entry.objectId.clone();
        }
    }

    private static final class Entry {
        final Key key;
        final long handle;
        final byte[] objectId;
        final Object ownerSession;
        final Instant expiresAt;
        int usesLeft;
        int inUse;
        boolean retired;
        boolean ownerClosed;

        Entry(Key key, long handle, byte[] objectId, Object ownerSession, Instant expiresAt, int usesLeft) {
            this.key = key;
            this.handle = handle;
            this.objectId = objectId;
            this.ownerSession = ownerSession;
            this.expiresAt = expiresAt;
            this.usesLeft = usesLeft;
        }
    }

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final List<Entry> toDestroy = new ArrayList<>();
    /** Retired entries a signer still holds: in neither map nor queue, but their owner may close meanwhile. */
    private final Set<Entry> retiredInUse = new HashSet<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong expirations = new AtomicLong();
    private final AtomicLong staleHandles = new AtomicLong();
    /**
     * No entry expires before this: the drain that follows every signature scans the entries only once something
     * may have expired, instead of copying and walking them all on each call (issue 12, the adapter's per-call cost).
     */
    private Instant earliestExpiry = Instant.MAX;

    public UnwrappedKeyCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Takes a use of a live entry, or returns null on a miss. */
    public synchronized Lease acquire(Key key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.retired || !clock.instant().isBefore(entry.expiresAt) || entry.usesLeft <= 0) {
            if (entry != null && !entry.retired) {
                expirations.incrementAndGet();
                retire(entry);
            }
            misses.incrementAndGet();
            return null;
        }
        entry.usesLeft--;
        entry.inUse++;
        if (entry.usesLeft == 0) {
            retire(entry);
        }
        hits.incrementAndGet();
        return new Lease(entry);
    }

    /**
     * Offers a freshly unwrapped key object for later signatures. Returns false when the cache declines it
     * (policy off, capacity zero); the caller must then destroy the object itself.
     */
    public synchronized boolean offer(Key key, long handle, byte[] objectId, Object ownerSession, KeyCachePolicy policy,
                                      int usesAlreadySpent) {
        int usesLeft = policy.maxUses() - usesAlreadySpent;
        if (!policy.enabled() || capacity == 0 || usesLeft <= 0) {
            return false;
        }
        Entry previous = entries.get(key);
        if (previous != null) {
            retire(previous);
        }
        while (entries.size() >= capacity) {
            Iterator<Entry> eldest = entries.values().iterator();
            Entry victim = eldest.next();
            evictions.incrementAndGet();
            retire(victim);
        }
        Instant expiresAt = clock.instant().plus(policy.timeToLive());
        entries.put(key, new Entry(key, handle, objectId.clone(), ownerSession, expiresAt, usesLeft));
        if (expiresAt.isBefore(earliestExpiry)) {
            earliestExpiry = expiresAt;
        }
        return true;
    }

    /** Ends a lease; a retired entry's object joins the destroy queue once nobody uses it. */
    public synchronized void release(Lease lease) {
        Entry entry = lease.entry;
        entry.inUse--;
        if (entry.retired && entry.inUse == 0) {
            retiredInUse.remove(entry);
            if (!entry.ownerClosed) {
                toDestroy.add(entry);
            }
        }
    }

    /** The object behind a lease is gone (its session died): forget it, there is nothing left to destroy. */
    public synchronized void discardStale(Lease lease) {
        staleHandles.incrementAndGet();
        Entry entry = lease.entry;
        entry.inUse--;
        if (entries.get(entry.key) == entry) {
            entries.remove(entry.key);
        }
        entry.retired = true;
        entry.ownerClosed = true;
        if (entry.inUse == 0) {
            retiredInUse.remove(entry);
        }
    }

    public synchronized void evictCredential(String credentialId) {
        for (Entry entry : List.copyOf(entries.values())) {
            if (entry.key.credentialId().equals(credentialId)) {
                evictions.incrementAndGet();
                retire(entry);
            }
        }
    }

    /**
     * The owning session is closing: its session objects vanish with it, so only forget them; destroying their
     * handles later could hit an unrelated object that reused the number.
     */
    public synchronized void forgetOwner(Object ownerSession) {
        entries.values().removeIf(entry -> {
            if (entry.ownerSession == ownerSession) {
                entry.retired = true;
                entry.ownerClosed = true;
                return true;
            }
            return false;
        });
        toDestroy.removeIf(entry -> entry.ownerSession == ownerSession);
        retiredInUse.forEach(entry -> {
            if (entry.ownerSession == ownerSession) {
                entry.ownerClosed = true;
            }
        });
    }

    /** The library was reloaded: every handle is gone, and none may be destroyed later. */
    public synchronized void forgetAll() {
        entries.values().forEach(entry -> {
            entry.retired = true;
            entry.ownerClosed = true;
        });
        entries.clear();
        toDestroy.clear();
        retiredInUse.forEach(entry -> entry.ownerClosed = true);
    }

    /** Retires expired entries and hands out every handle that is now safe to destroy. */
    public synchronized List<Doomed> drainDestroyable() {
        Instant now = clock.instant();
        if (!now.isBefore(earliestExpiry)) {
            Instant next = Instant.MAX;
            for (Entry entry : List.copyOf(entries.values())) {
                if (!now.isBefore(entry.expiresAt)) {
                    expirations.incrementAndGet();
                    retire(entry);
                } else if (entry.expiresAt.isBefore(next)) {
                    next = entry.expiresAt;
                }
            }
            earliestExpiry = next;
        }
        if (toDestroy.isEmpty()) {
            return List.of();
        }
        List<Doomed> out = toDestroy.stream().map(entry -> new Doomed(entry.handle, entry.objectId)).toList();
        toDestroy.clear();
        return out;
    }

    public synchronized KeyCacheStatistics statistics() {
        return new KeyCacheStatistics(entries.size(), capacity, hits.get(), misses.get(), evictions.get(),
                expirations.get(), staleHandles.get());
    }

    private void retire(Entry entry) {
        if (entries.get(entry.key) == entry) {
            entries.remove(entry.key);
        }
        if (!entry.retired) {
            entry.retired = true;
            if (entry.inUse == 0) {
                toDestroy.add(entry);
            } else {
                retiredInUse.add(entry);
            }
        }
    }
}
