package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.listing.v1.ListingState;

class TakedownWatchTest {

    /** A listing-service stand-in: each listing goes down after it has been looked at {@code after} times. */
    private static final class FakeListings implements TakedownWatch.Lookup {
        final Map<String, Integer> looks = new ConcurrentHashMap<>();
        final Set<String> never = ConcurrentHashMap.newKeySet();
        final AtomicInteger largestBatch = new AtomicInteger();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final int after;

        FakeListings(int after) {
            this.after = after;
        }

        @Override
        public List<TakedownWatch.Observation> observe(List<String> ids) {
            largestBatch.accumulateAndGet(ids.size(), Math::max);
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("UNAVAILABLE");
            }
            List<TakedownWatch.Observation> out = new ArrayList<>();
            for (String id : ids) {
                int n = looks.merge(id, 1, Integer::sum);
                boolean down = n > after && !never.contains(id);
                out.add(new TakedownWatch.Observation(id,
                        down ? ListingState.LISTING_STATE_TAKEN_DOWN : ListingState.LISTING_STATE_ACTIVE,
                        down ? 1_000L * n : 0));
            }
            return out;
        }
    }

    private static List<String> ids(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    @Test
    void everyListingIsTimedOnceInBatchesOfAtMost500() throws InterruptedException {
        FakeListings listings = new FakeListings(2);
        TakedownWatch watch = new TakedownWatch(listings, TakedownWatch.TAKEN_DOWN, Duration.ofMillis(1), 3);
        watch.expect(ids("a-", 1200), System.nanoTime());
        watch.expect(ids("b-", 100), System.nanoTime());
        watch.expect(ids("a-", 10), System.nanoTime()); // already expected: keeps its first instant, counted once
        TakedownWatch.Result r = watch.await(Duration.ofMinutes(1));
        assertEquals(1300, r.expected());
        assertEquals(0, r.unseen());
        assertEquals(1300, r.lagNanos().length);
        assertEquals(1300, r.reachedAtServerNanos().size());
        assertEquals(3000L, r.reachedAtServerNanos().get("a-0"), "listing-service's updated_at when first seen down");
        assertTrue(listings.largestBatch.get() <= TakedownWatch.BATCH, "BatchGetListings takes up to 500 keys");
        assertTrue(r.lagNanos()[0] >= 0);
        for (int i = 1; i < r.lagNanos().length; i++) {
            assertTrue(r.lagNanos()[i - 1] <= r.lagNanos()[i], "sorted");
        }
        assertTrue(r.sweepNanos().length >= 3, "at least three sweeps: each listing is down on its third look");
        assertTrue(r.lagMillis(99) >= r.lagMillis(50));
    }

    @Test
    void aListingThatNeverComesDownIsCountedAndNamedAtTheDeadline() throws InterruptedException {
        FakeListings listings = new FakeListings(0);
        listings.never.add("x-3");
        TakedownWatch watch = new TakedownWatch(listings, TakedownWatch.TAKEN_DOWN, Duration.ofMillis(1), 1);
        watch.expect(ids("x-", 5), System.nanoTime());
        TakedownWatch.Result r = watch.await(Duration.ofSeconds(1));
        assertEquals(5, r.expected());
        assertEquals(1, r.unseen());
        assertEquals(List.of("x-3"), r.someUnseen());
        assertEquals(4, r.lagNanos().length);
    }

    @Test
    void aForgottenListingIsNeitherWaitedForNorCounted() throws InterruptedException {
        FakeListings listings = new FakeListings(0);
        listings.never.add("f-1");
        TakedownWatch watch = new TakedownWatch(listings, TakedownWatch.TAKEN_DOWN, Duration.ofMillis(1), 1);
        watch.expect(ids("f-", 3), System.nanoTime());
        watch.forget("f-1");
        TakedownWatch.Result r = watch.await(Duration.ofMinutes(1));
        assertEquals(2, r.expected());
        assertEquals(0, r.unseen());
        assertEquals(2, r.lagNanos().length);
    }

    @Test
    void failedPollsAreCountedAndTheWatchGoesOn() throws InterruptedException {
        FakeListings listings = new FakeListings(0);
        listings.failuresLeft.set(2);
        TakedownWatch watch = new TakedownWatch(listings, TakedownWatch.TAKEN_DOWN, Duration.ofMillis(1), 1);
        watch.expect(ids("e-", 10), System.nanoTime());
        TakedownWatch.Result r = watch.await(Duration.ofMinutes(1));
        assertEquals(0, r.unseen());
        assertEquals(2, r.pollErrors());
        assertTrue(r.firstPollError().contains("UNAVAILABLE"), r.firstPollError());
    }

    @Test
    void restoresAreWaitedForWithTheOppositeState() {
        TakedownWatch.Observation down = new TakedownWatch.Observation("l", ListingState.LISTING_STATE_TAKEN_DOWN, 0);
        TakedownWatch.Observation restored = new TakedownWatch.Observation("l", ListingState.LISTING_STATE_RESTORED, 0);
        TakedownWatch.Observation active = new TakedownWatch.Observation("l", ListingState.LISTING_STATE_ACTIVE, 0);
        assertTrue(TakedownWatch.TAKEN_DOWN.test(down));
        assertTrue(!TakedownWatch.TAKEN_DOWN.test(restored) && !TakedownWatch.TAKEN_DOWN.test(active));
        assertTrue(TakedownWatch.NOT_TAKEN_DOWN.test(restored) && TakedownWatch.NOT_TAKEN_DOWN.test(active));
        assertTrue(!TakedownWatch.NOT_TAKEN_DOWN.test(down));
    }
}
