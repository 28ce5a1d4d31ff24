package io.cloudsword.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.cloudsword.api.listing.v1.ListingState;

/**
 * Watches listings in listing-service until each reaches a state (TAKEN_DOWN for the measured
 * arms, anything else while waiting for restores) and times each from the instant it was
 * {@link #expect expected} to the instant a poll's answer showed it there. One poller thread sweeps
 * every still-pending listing again and again, in batches of {@value #BATCH} (BatchGetListings'
 * limit) sent {@code pollConcurrency} at a time, pausing {@code pollInterval} between sweeps. A
 * listing's time is taken when the answer of its batch arrives, so each figure is late by at most
 * one pause plus one sweep; the subject and the baseline are watched the same way, so the
 * granularity weighs on both alike (the sweeps' own times are reported with the figures).
 */
final class TakedownWatch {

    static final int BATCH = 500;

    /** What a poll saw of one listing; {@code updatedAtNanos} is listing-service's updated_at (its clock). */
    record Observation(String listingId, ListingState state, long updatedAtNanos) {
    }

    /** One BatchGetListings call by listing id: what it found (listings not found are simply absent). */
    interface Lookup {
        List<Observation> observe(List<String> listingIds) throws Exception;
    }

    /**
     * The watch's figures: how many listings were expected, each reached one's time (sorted,
     * nanoseconds) and listing-service's updated_at when it was seen there, how many never got
     * there before the deadline (and a few of their ids), the sweeps' times (sorted), failed polls.
     */
    record Result(long expected, long[] lagNanos, Map<String, Long> reachedAtServerNanos, long unseen,
            List<String> someUnseen, long[] sweepNanos, long pollErrors, String firstPollError) {

        double lagMillis(double p) {
            return new LoadRun.Result(lagNanos.length, 0, 1, lagNanos).percentileMillis(p);
        }

        double sweepMillis(double p) {
            return new LoadRun.Result(sweepNanos.length, 0, 1, sweepNanos).percentileMillis(p);
        }
    }

    static final Predicate<Observation> TAKEN_DOWN = o -> o.state() == ListingState.LISTING_STATE_TAKEN_DOWN;
    /** Live again (RESTORED, or ACTIVE/FLAGGED if it never went down): what the restores are waited for. */
    static final Predicate<Observation> NOT_TAKEN_DOWN = o -> o.state() != ListingState.LISTING_STATE_TAKEN_DOWN
            && o.state() != ListingState.LISTING_STATE_UNSPECIFIED;

    private final Lookup lookup;
    private final Predicate<Observation> reached;
    private final long pauseNanos;
    private final ExecutorService pool;
    private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> reachedAt = new ConcurrentHashMap<>();
    private final IngestStream.LongBuffer lags = new IngestStream.LongBuffer();
    private final IngestStream.LongBuffer sweeps = new IngestStream.LongBuffer();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong pollErrors = new AtomicLong();
    private final AtomicReference<String> firstPollError = new AtomicReference<>();
    private final Thread poller;
    private volatile boolean stopped;

    TakedownWatch(Lookup lookup, Predicate<Observation> reached, Duration pollInterval, int pollConcurrency) {
        this.lookup = lookup;
        this.reached = reached;
        this.pauseNanos = pollInterval.toNanos();
        this.pool = Executors.newFixedThreadPool(pollConcurrency, r -> {
            Thread t = new Thread(r, "takedown-watch-poll");
            t.setDaemon(true);
            return t;
        });
        this.poller = new Thread(this::run, "takedown-watch");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    /**
     * From {@code since} (System.nanoTime) on, these listings are expected to reach the state. A
     * listing already pending keeps its first instant.
     */
    void expect(Collection<String> listingIds, long since) {
        for (String id : listingIds) {
            if (pending.putIfAbsent(id, since) == null) {
                expected.incrementAndGet();
            }
        }
    }

    /** No longer expects this listing (its takedown call failed: it will not come down, and is counted there). */
    void forget(String listingId) {
        if (pending.remove(listingId) != null) {
            expected.decrementAndGet();
        }
    }

    /** Waits until no expected listing is pending or {@code timeout} has passed, stops polling, and reports. */
    Result await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(2);
        }
        stop();
        List<String> left = new ArrayList<>(pending.keySet());
        return new Result(expected.get(), lags.sorted(), new HashMap<>(reachedAt), left.size(),
                left.subList(0, Math.min(5, left.size())), sweeps.sorted(), pollErrors.get(), firstPollError.get());
    }

    /** Stops the poller and its pool (idempotent); a sweep under way is abandoned. */
    void stop() throws InterruptedException {
        stopped = true;
        poller.interrupt();
        poller.join(TimeUnit.SECONDS.toMillis(10));
        pool.shutdownNow();
    }

    private void run() {
        try {
            while (!stopped) {
                List<String> ids = new ArrayList<>(pending.keySet());
                if (!ids.isEmpty()) {
                    sweep(ids);
                }
                TimeUnit.NANOSECONDS.sleep(pauseNanos);
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }

    private void sweep(List<String> ids) throws InterruptedException {
        long start = System.nanoTime();
        List<Future<?>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            batches.add(pool.submit(() -> {
                poll(batch);
                return null;
            }));
        }
        for (Future<?> f : batches) {
            try {
                f.get();
            } catch (ExecutionException e) {
                pollErrors.incrementAndGet();
                firstPollError.compareAndSet(null, String.valueOf(e.getCause()));
            }
        }
        sweeps.add(System.nanoTime() - start);
    }

    private void poll(List<String> batch) throws Exception {
        List<Observation> seen = lookup.observe(batch);
        long now = System.nanoTime(); // the answer is here: whatever it shows was so by now
        for (Observation o : seen) {
            if (!reached.test(o)) {
                continue;
            }
            // batches of one sweep are disjoint and sweeps do not overlap: no other thread handles this id now;
            // removed last, so that await() sees an empty map only once every figure is in
            Long since = pending.get(o.listingId());
            if (since != null) {
                lags.add(Math.max(0, now - since));
                reachedAt.put(o.listingId(), o.updatedAtNanos());
                pending.remove(o.listingId());
            }
        }
    }
}
