package io.cloudsword.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.listing.v1.IngestListingResult;
import io.cloudsword.api.listing.v1.IngestListingsRequest;
import io.cloudsword.api.listing.v1.IngestListingsResponse;
import io.cloudsword.api.listing.v1.ListingServiceGrpc.ListingServiceStub;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.api.listing.v1.RiskSignal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * One IngestListings stream as a platform partner drives it: chunks sent as they come, at most
 * {@code window} unanswered (the contract's flow control), each answer matched to the oldest
 * unanswered chunk (answers come in the order chunks were sent) and timed from just before the
 * chunk was handed to gRPC until its answer arrived. Half-closes on {@link #finish} and waits for
 * the server to complete the stream.
 */
final class IngestStream {

    private record InFlight(String chunkId, List<ListingSamples.Sample> samples, long sentAt) {
    }

    private final StreamObserver<IngestListingsRequest> requests;
    private final Semaphore window;
    private final Queue<InFlight> inFlight = new ConcurrentLinkedQueue<>();
    private final CountDownLatch completed = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final IngestTally tally;
    private final LongBuffer latencies;
    private final Duration timeout;

    /**
     * @param latencies where each chunk's answer time goes, in nanoseconds
     * @param timeout   the longest wait for room in the window, and for the stream's end
     */
    IngestStream(ListingServiceStub stub, int window, IngestTally tally, LongBuffer latencies, Duration timeout) {
        this.window = new Semaphore(window);
        this.tally = tally;
        this.latencies = latencies;
        this.timeout = timeout;
        this.requests = stub.ingestListings(new StreamObserver<>() {
            @Override
            public void onNext(IngestListingsResponse response) {
                long now = System.nanoTime();
                InFlight chunk = inFlight.poll();
                if (chunk == null) {
                    tally.mismatch("an answer (chunk_id '" + response.getChunkId() + "') to no unanswered chunk");
                    return;
                }
                latencies.add(now - chunk.sentAt());
                record(chunk, response);
                IngestStream.this.window.release();
            }

            @Override
            public void onError(Throwable t) {
                failure.compareAndSet(null, t);
                IngestStream.this.window.release(window + 1); // a sender waiting for room wakes up and sees it
                completed.countDown();
            }

            @Override
            public void onCompleted() {
                completed.countDown();
            }
        });
    }

    /** Sends one chunk once the window has room; throws when the stream failed. */
    void send(String chunkId, List<ListingSamples.Sample> samples) throws InterruptedException {
        if (!window.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            cancel("no answer for " + timeout);
        }
        rethrow();
        IngestListingsRequest.Builder request = IngestListingsRequest.newBuilder().setChunkId(chunkId);
        samples.forEach(s -> request.addListings(s.listing()));
        IngestListingsRequest built = request.build();
        inFlight.add(new InFlight(chunkId, samples, System.nanoTime()));
        requests.onNext(built);
    }

    /** Half-closes and waits until the server completed the stream (every chunk answered) or failed it. */
    void finish() throws InterruptedException {
        rethrow();
        requests.onCompleted();
        if (!completed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            cancel("the stream did not complete within " + timeout + " after the last chunk");
        }
        rethrow();
        if (!inFlight.isEmpty()) {
            tally.mismatch(String.format(Locale.ROOT, "the stream completed with %d chunk(s) unanswered, first %s",
                    inFlight.size(), inFlight.peek().chunkId()));
        }
    }

    private void cancel(String why) {
        requests.onError(Status.CANCELLED.withDescription(why).asRuntimeException());
        throw new IllegalStateException("IngestListings: " + why);
    }

    private void rethrow() {
        Throwable t = failure.get();
        if (t instanceof StatusRuntimeException s) {
            throw s;
        }
        if (t != null) {
            throw new IllegalStateException("IngestListings failed: " + t, t);
        }
    }

    private void record(InFlight chunk, IngestListingsResponse response) {
        if (!response.getChunkId().equals(chunk.chunkId())) {
            tally.mismatch("chunk " + chunk.chunkId() + " answered as '" + response.getChunkId() + "'");
        }
        List<ListingSamples.Sample> samples = chunk.samples();
        if (response.getResultsCount() != samples.size()) {
            tally.mismatch(String.format(Locale.ROOT, "chunk %s of %d listings answered with %d results",
                    chunk.chunkId(), samples.size(), response.getResultsCount()));
        }
        int n = Math.min(samples.size(), response.getResultsCount());
        for (int i = 0; i < n; i++) {
            IngestListingResult result = response.getResults(i);
            ListingSamples.Sample sample = samples.get(i);
            String externalId = sample.listing().getExternalId();
            if (result.getIndex() != i || !result.getExternalId().equals(externalId)) {
                tally.mismatch(String.format(Locale.ROOT, "chunk %s result %d is index %d, external id '%s' (sent %s)",
                        chunk.chunkId(), i, result.getIndex(), result.getExternalId(), externalId));
            }
            switch (result.getOutcomeCase()) {
                case ACCEPTED -> tally.accepted(sample.kind(), result.getAccepted().getRiskScore(),
                        result.getAccepted().getState() == ListingState.LISTING_STATE_FLAGGED,
                        result.getAccepted().getSignalsList().stream().map(RiskSignal::getCode).toList());
                case REJECTED -> {
                    ItemError e = result.getRejected();
                    tally.rejected(externalId, e.getDetail().getReason(), e.getDetail().getField(),
                            e.getDetail().getMessage());
                }
                default -> tally.mismatch("chunk " + chunk.chunkId() + " result " + i + " neither accepted nor rejected");
            }
        }
    }

    /** A growable array of longs that threads may add to. */
    static final class LongBuffer {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        synchronized long[] sorted() {
            long[] out = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(out);
            return out;
        }

        synchronized int size() {
            return size;
        }
    }
}
