package io.cloudsword.listing.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private static String keepNew(String old, String fresh) {
        return fresh;
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirst() {
        BoundedCache<String, String> cache = new BoundedCache<>(2, null);
        cache.mergeIfCurrent("a", "1", BoundedCacheTest::keepNew, cache.generation());
        cache.mergeIfCurrent("b", "2", BoundedCacheTest::keepNew, cache.generation());
        assertEquals("1", cache.get("a")); // a is now more recent than b
        cache.mergeIfCurrent("c", "3", BoundedCacheTest::keepNew, cache.generation());
        assertEquals(2, cache.size());
        assertNull(cache.get("b"));
        assertEquals("1", cache.get("a"));
        assertEquals("3", cache.get("c"));
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        AtomicLong now = new AtomicLong();
        BoundedCache<String, String> cache = new BoundedCache<>(10, Duration.ofSeconds(60), now::get);
        cache.mergeIfCurrent("a", "1", BoundedCacheTest::keepNew, cache.generation());
        now.set(Duration.ofSeconds(59).toNanos());
        assertEquals("1", cache.get("a"));
        now.set(Duration.ofSeconds(60).toNanos());
        assertNull(cache.get("a"));
    }

    @Test
    void anAnswerFetchedBeforeItsKeyWasInvalidatedIsNotKept() {
        BoundedCache<String, String> cache = new BoundedCache<>(10, null);
        long seen = cache.generation();
        cache.invalidate("a"); // the change stream, while the answer for a and b was on its way
        assertFalse(cache.mergeIfCurrent("a", "stale", BoundedCacheTest::keepNew, seen));
        assertTrue(cache.mergeIfCurrent("b", "fine", BoundedCacheTest::keepNew, seen), "other keys are unaffected");
        assertNull(cache.get("a"));
        assertTrue(cache.mergeIfCurrent("a", "fresh", BoundedCacheTest::keepNew, cache.generation()));
        assertEquals("fresh", cache.get("a"));

        long before = cache.generation();
        cache.invalidateAll();
        assertFalse(cache.mergeIfCurrent("c", "stale", BoundedCacheTest::keepNew, before));
        assertNull(cache.get("b"));
    }

    @Test
    void whenTooManyInvalidationsHappenedMeanwhileNothingOlderIsKept() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(10, null);
        long seen = cache.generation();
        for (int i = 0; i <= BoundedCache.REMEMBERED_INVALIDATIONS; i++) {
            cache.invalidate(i);
        }
        // key 0's invalidation is forgotten: the cache cannot tell, so it refuses
        assertFalse(cache.mergeIfCurrent(0, "maybe stale", (o, n) -> n, seen));
        assertFalse(cache.mergeIfCurrent(-1, "maybe stale", (o, n) -> n, seen));
        assertTrue(cache.mergeIfCurrent(-1, "fresh", (o, n) -> n, cache.generation()));
    }
}
