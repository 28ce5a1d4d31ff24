package io.cloudsword.listing.brand;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.LongSupplier;

/**
 * A size-bounded map that forgets the least recently used entry first, optionally also every
 * entry older than a time to live.
 * <p>
 * Generations close a race with the change stream: a reader notes {@link #generation()} before
 * it asks brand-registry and stores the answer with {@link #mergeIfCurrent}. If the stream
 * invalidated that key in between, the answer may predate the change and is not kept (it is
 * still good enough for the call that asked, which the change's listener re-runs). Recent
 * invalidations are remembered per key, so one changed product does not keep every other
 * answer of a chunk out of the cache.
 */
final class BoundedCache<K, V> {

    /** How many recent invalidations are remembered per key; older ones count as "everything". */
    static final int REMEMBERED_INVALIDATIONS = 10_000;

    private record Entry<V>(V value, long storedAtNanos) {
    }

    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<K, Entry<V>> entries;
    private final LinkedHashMap<K, Long> invalidatedAt;
    /** Increases with every invalidation. */
    private long generation;
    /** Invalidations up to this generation are no longer known per key (or were of everything). */
    private long forgottenUpTo;

    BoundedCache(int maxEntries, Duration ttl) {
        this(maxEntries, ttl, System::nanoTime);
    }

    BoundedCache(int maxEntries, Duration ttl, LongSupplier nanoTime) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > BoundedCache.this.maxEntries;
            }
        };
        this.invalidatedAt = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Long> eldest) {
                if (size() > REMEMBERED_INVALIDATIONS) {
                    forgottenUpTo = Math.max(forgottenUpTo, eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** The value, or null when absent or expired. */
    synchronized V get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (nanoTime.getAsLong() - e.storedAtNanos() >= ttlNanos) {
            entries.remove(key);
            return null;
        }
        return e.value();
    }

    /** Note it before asking for what is missing; pass it to {@link #mergeIfCurrent}. */
    synchronized long generation() {
        return generation;
    }

    /**
     * Stores {@code value} (merged into a live value already there) unless the key may have been
     * invalidated since {@code seenGeneration}.
     *
     * @return whether it was stored
     */
    synchronized boolean mergeIfCurrent(K key, V value, BinaryOperator<V> merge, long seenGeneration) {
        Long at = invalidatedAt.get(key);
        if (seenGeneration < forgottenUpTo || (at != null && at > seenGeneration)) {
            return false;
        }
        Entry<V> old = entries.get(key);
        long now = nanoTime.getAsLong();
        if (old != null && now - old.storedAtNanos() < ttlNanos) {
            entries.put(key, new Entry<>(merge.apply(old.value(), value), old.storedAtNanos()));
        } else {
            entries.put(key, new Entry<>(value, now));
        }
        return true;
    }

    synchronized void invalidate(K key) {
        generation++;
        entries.remove(key);
        invalidatedAt.remove(key); // re-inserted last: the eldest is the oldest invalidation
        invalidatedAt.put(key, generation);
    }

    synchronized void invalidateAll() {
        generation++;
        forgottenUpTo = generation;
        entries.clear();
        invalidatedAt.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
