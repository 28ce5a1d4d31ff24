package io.cloudsword.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The chunks of one arm of listings-ingest, made on a thread of their own a few ahead of the
 * consumer: the generator's time overlaps with the sending (or inserting) for the service and
 * the baseline alike, and at most {@code ahead} chunks beyond those in flight are in memory.
 * Chunks come platform by platform ({@link #order}), so each platform partner's stream carries
 * its platform's chunks one after the other.
 */
final class ChunkFeed implements AutoCloseable {

    /** Block {@code index} of the samples, all on {@code platform}. */
    record Chunk(long index, String platform, List<ListingSamples.Sample> samples) {
    }

    private static final Chunk END = new Chunk(-1, "", List.of());

    private final BlockingQueue<Chunk> queue;
    private final Thread producer;
    private volatile RuntimeException failure;

    private ChunkFeed(ListingSamples samples, long[] order, long total, String prefix, int ahead) {
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.producer = new Thread(() -> {
            try {
                for (long b : order) {
                    List<ListingSamples.Sample> block = samples.blockOf(b, total, prefix);
                    queue.put(new Chunk(b, samples.platformOf(b * samples.block()).slug(), block));
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                queue.offer(END);
            }
        }, "listings-ingest-samples");
        producer.setDaemon(true);
    }

    static ChunkFeed start(ListingSamples samples, long total, String prefix, int ahead) {
        ChunkFeed feed = new ChunkFeed(samples, order(samples, total), total, prefix, ahead);
        feed.producer.start();
        return feed;
    }

    /** The blocks of {@code total} listings, platform by platform: for each platform its blocks in index order. */
    static long[] order(ListingSamples samples, long total) {
        long blocks = samples.blocks(total);
        int platforms = samples.platforms().size();
        List<Long> order = new ArrayList<>();
        for (int p = 0; p < platforms; p++) {
            for (long b = p; b < blocks; b += platforms) {
                order.add(b);
            }
        }
        return order.stream().mapToLong(Long::longValue).toArray();
    }

    /** The next chunk, null after the last. */
    Chunk next() throws InterruptedException {
        Chunk c = queue.poll(10, TimeUnit.MINUTES);
        if (c == null) {
            throw new IllegalStateException("no chunk made in 10 minutes");
        }
        if (c == END) {
            queue.offer(END); // later calls answer null too
            if (failure != null) {
                throw failure;
            }
            return null;
        }
        return c;
    }

    @Override
    public void close() {
        producer.interrupt();
    }
}
