package io.cloudsword.brand.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.kit.auth.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The stream other services' caches follow (WatchBrandChanges). It reads the change log that
 * every write appends to in its own transaction, so an event is sent if and only if its change
 * committed, in commit order (BrandChanges serializes appends), and a watcher that reconnects
 * with the last sequence it processed misses nothing. It polls: the log is small and indexed,
 * and polling survives database restarts without any listener state.
 */
@ApplicationScoped
public class ChangeFeed {

    /** What a watcher receives: a change, a heartbeat, or the order to drop its cache. */
    public record Event(long sequence, String kind, UUID brandId, UUID ownerId, UUID entityId, long brandVersion,
            Instant changedAt, String gtin, String platform, String shopId, boolean removed) {

        static Event control(String kind, long sequence, Instant at) {
            return new Event(sequence, kind, null, null, null, 0, at, "", "", "", false);
        }
    }

    public static final String HEARTBEAT = "HEARTBEAT";
    public static final String RESYNC_REQUIRED = "RESYNC_REQUIRED";
    private static final int BATCH = 500;

    private final Pool pool;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;

    public ChangeFeed(Pool pool,
            @ConfigProperty(name = "cloudsword.changes.poll-interval", defaultValue = "200ms") Duration pollInterval,
            @ConfigProperty(name = "cloudsword.changes.heartbeat-interval", defaultValue = "15s") Duration heartbeatInterval) {
        this.pool = pool;
        this.pollInterval = pollInterval;
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * @param afterSequence resume after this sequence; null = only changes from now on
     * @param kinds         only these kinds (control events always pass); empty = all
     * @param brandIds      only these brands; empty = all
     */
    public Multi<Event> watch(Caller caller, Long afterSequence, Set<String> kinds, Set<UUID> brandIds) {
        caller.requireRole(Caller.SYSTEM, Caller.PLATFORM_PARTNER, Caller.REVIEWER, Caller.ADMIN);
        AtomicLong cursor = new AtomicLong();
        AtomicReference<Instant> lastSent = new AtomicReference<>(Instant.now());
        Multi<Event> start = bounds().onItem().transformToMulti(bounds -> {
            long oldest = bounds[0];
            long latest = bounds[1];
            if (afterSequence == null) {
                cursor.set(latest);
                return Multi.createFrom().empty();
            }
            // older than what is retained, or from another registry's numbering: refill from scratch
            if ((oldest > 0 && afterSequence < oldest - 1) || afterSequence > latest) {
                cursor.set(latest);
                return Multi.createFrom().item(Event.control(RESYNC_REQUIRED, latest, Instant.now()));
            }
            cursor.set(afterSequence);
            return Multi.createFrom().empty();
        });
        Multi<Event> follow = Multi.createFrom().ticks().every(pollInterval)
                .onOverflow().drop()
                .concatMap(tick -> poll(cursor.get()).onItem().transformToMulti(rows -> {
                    List<Event> out = new ArrayList<>();
                    for (Event e : rows) {
                        cursor.set(e.sequence());
                        if ((kinds.isEmpty() || kinds.contains(e.kind()))
                                && (brandIds.isEmpty() || (e.brandId() != null && brandIds.contains(e.brandId())))) {
                            out.add(e);
                        }
                    }
                    Instant now = Instant.now();
                    if (out.isEmpty() && Duration.between(lastSent.get(), now).compareTo(heartbeatInterval) >= 0) {
                        out.add(Event.control(HEARTBEAT, cursor.get(), now));
                    }
                    if (!out.isEmpty()) {
                        lastSent.set(now);
                    }
                    return Multi.createFrom().iterable(out);
                }));
        return Multi.createBy().concatenating().streams(start, follow);
    }

    private Uni<long[]> bounds() {
        return pool.query("SELECT COALESCE(min(sequence), 0) AS oldest, COALESCE(max(sequence), 0) AS latest FROM brand_change")
                .execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new long[] { row.getLong("oldest"), row.getLong("latest") };
                });
    }

    private Uni<List<Event>> poll(long after) {
        return pool.preparedQuery("SELECT * FROM brand_change WHERE sequence > $1 ORDER BY sequence LIMIT " + BATCH)
                .execute(Tuple.of(after))
                .map(rows -> {
                    List<Event> events = new ArrayList<>();
                    for (Row r : rows) {
                        events.add(new Event(r.getLong("sequence"), r.getString("kind"), r.getUUID("brand_id"),
                                r.getUUID("owner_id"), r.getUUID("entity_id"), r.getLong("brand_version"),
                                r.getOffsetDateTime("changed_at").toInstant(), r.getString("gtin"),
                                r.getString("platform"), r.getString("shop_id"), r.getBoolean("removed")));
                    }
                    return events;
                })
                // a database outage must not end the stream: the next tick tries again
                .onFailure().recoverWithItem(List.of());
    }

}
