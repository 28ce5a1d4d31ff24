package io.cloudsword.listing.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The order rule of one bulk-ingest stream: a chunk starts as soon as it arrives, unless an
 * earlier chunk still in flight holds one of its listings; then it waits for that one, so the
 * listing sent last is the one stored.
 */
public final class IngestOrder {

    private final List<Map.Entry<Set<String>, CompletableFuture<?>>> inFlight = new ArrayList<>();

    /** A listing's identity as this rule compares it. */
    public static String key(String platform, String externalId) {
        return platform.strip() + '\u0000' + externalId.strip();
    }

    /** Runs the chunk's work on the executor once every earlier chunk sharing a key has ended. */
    public synchronized <T> CompletableFuture<T> submit(Set<String> keys, Supplier<T> work, Executor executor) {
        inFlight.removeIf(e -> e.getValue().isDone());
        CompletableFuture<?>[] earlier = inFlight.stream().filter(e -> !Collections.disjoint(e.getKey(), keys))
                .map(Map.Entry::getValue).toArray(CompletableFuture[]::new);
        CompletableFuture<T> next = CompletableFuture.allOf(earlier).handle((done, failure) -> done)
                .thenApplyAsync(ignored -> work.get(), executor);
        inFlight.add(Map.entry(keys, next));
        return next;
    }
}
