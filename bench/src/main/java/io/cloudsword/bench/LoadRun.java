package io.cloudsword.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code concurrency} calls in flight for a fixed time and records each call's latency.
 * Closed loop: a worker issues its next call when the previous one answers, so the figure is the
 * throughput the server sustains at that concurrency, not an offered rate.
 */
public final class LoadRun {

    /** What one timed run measured. */
    public record Result(long calls, long errors, double seconds, long[] latenciesNanos) {
        public double opsPerSecond() {
            return calls / seconds;
        }

        public double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1_000_000.0;
        }
    }

    private LoadRun() {
    }

    public static Result run(Supplier<Uni<?>> call, int concurrency, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        // one latency buffer per worker: a worker has one call in flight, so its buffer is never shared
        long[][] buffers = new long[concurrency][];
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            long[][] buffer = { new long[1 << 14] };
            int[] n = { 0 };
            loop(call, deadline, buffer, n, errors, () -> {
                buffers[worker] = buffer[0];
                counts[worker] = n[0];
                done.countDown();
            });
        }
        if (!done.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Calls did not finish within a minute after the run");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(buffers[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        return new Result(all.length, errors.get(), seconds, all);
    }

    private static void loop(Supplier<Uni<?>> call, long deadline, long[][] buffer, int[] n, AtomicLong errors,
            Runnable finished) {
        if (System.nanoTime() >= deadline) {
            finished.run();
            return;
        }
        long t0 = System.nanoTime();
        call.get().subscribe().with(ok -> {
            record(buffer, n, System.nanoTime() - t0);
            loop(call, deadline, buffer, n, errors, finished);
        }, failure -> {
            errors.incrementAndGet();
            loop(call, deadline, buffer, n, errors, finished);
        });
    }

    private static void record(long[][] buffer, int[] n, long nanos) {
        if (n[0] == buffer[0].length) {
            buffer[0] = Arrays.copyOf(buffer[0], buffer[0].length * 2);
        }
        buffer[0][n[0]++] = nanos;
    }
}
