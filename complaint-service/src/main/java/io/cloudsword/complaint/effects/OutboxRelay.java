package io.cloudsword.complaint.effects;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.google.protobuf.InvalidProtocolBufferException;

import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.api.listing.v1.AddStrikeRequest;
import io.cloudsword.api.listing.v1.AddStrikeResponse;
import io.cloudsword.api.listing.v1.ListingStateChangeResult;
import io.cloudsword.api.listing.v1.RecordConsumerReportRequest;
import io.cloudsword.api.listing.v1.RestoreListingRequest;
import io.cloudsword.api.listing.v1.RevokeStrikeRequest;
import io.cloudsword.api.listing.v1.TakeDownListingRequest;
import io.cloudsword.complaint.domain.Acknowledgements;
import io.cloudsword.complaint.domain.Acknowledgements.Ack;
import io.cloudsword.complaint.domain.Effect;
import io.cloudsword.complaint.repository.OutboxStore;
import io.cloudsword.complaint.repository.OutboxStore.Row;
import io.cloudsword.kit.jdbc.Transactions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Delivers the outbox: claims due rows and holds their row locks while it sends them (SKIP
 * LOCKED, so two workers or replicas never send the same row at once, and a row whose sender
 * died is free again the moment its transaction ends), sends them to the
 * idempotent methods of listing-service and brand-registry in batches, and records each answer:
 * delivered (with its acknowledgement applied to the notice), refused for good (the request can
 * never succeed: kept with its error for an operator), or due again after an exponential backoff
 * with jitter. At-least-once delivery to idempotent methods gives an exactly-once effect.
 * <p>
 * A decision wakes the relay right after its commit, so a takedown leaves within milliseconds;
 * the poll interval only bounds how late other replicas' and retried rows are noticed. Several
 * workers (4 by default) each claim up to 300 rows (one batch call), so batches overlap.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Transactions tx;
    private final OutboxStore outbox;
    private final ListingClient listings;
    private final RegistryClient registry;
    private final Acknowledgements acks;
    private final Clock clock;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int workers;
    private final int claim;
    private final Duration retention;
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastPurge =
            new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;

    @Inject
    public OutboxRelay(Transactions tx, OutboxStore outbox, ListingClient listings, RegistryClient registry,
            Acknowledgements acks, Clock clock,
            @ConfigProperty(name = "cloudsword.outbox.relay-enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "cloudsword.outbox.poll-interval", defaultValue = "PT0.5S") Duration pollInterval,
            @ConfigProperty(name = "cloudsword.outbox.initial-backoff", defaultValue = "PT0.5S") Duration initialBackoff,
            @ConfigProperty(name = "cloudsword.outbox.max-backoff", defaultValue = "PT60S") Duration maxBackoff,
            @ConfigProperty(name = "cloudsword.outbox.workers", defaultValue = "4") int workers,
            @ConfigProperty(name = "cloudsword.outbox.claim", defaultValue = "300") int claim,
            @ConfigProperty(name = "cloudsword.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.tx = tx;
        this.outbox = outbox;
        this.listings = listings;
        this.registry = registry;
        this.acks = acks;
        this.clock = clock;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.workers = workers;
        this.claim = Math.min(claim, ListingClient.MAX_STATE_CHANGES);
        this.retention = retention;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::loop, "outbox-relay-" + i);
            worker.setDaemon(true);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        shutdown();
    }

    @PreDestroy
    void shutdown() {
        running = false;
        wakeUps.release(workers);
    }

    /** Called after a transaction that wrote effects has committed: every worker looks. */
    public void wake() {
        if (wakeUps.availablePermits() < workers) {
            wakeUps.release(workers);
        }
    }

    private void loop() {
        while (running) {
            try {
                if (deliverDue() == claim) {
                    continue; // more may be waiting
                }
                purgeNowAndThen();
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away: keep the thread, try again after the interval
                LOG.warnf("Outbox relay: %s", e.getMessage());
                try {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Every ten minutes one worker forgets rows delivered longer ago than the retention. */
    private void purgeNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (now.isAfter(last.plus(Duration.ofMinutes(10))) && lastPurge.compareAndSet(last, now)) {
            tx.inTransaction(c -> outbox.purgeDelivered(c, now.minus(retention)));
        }
    }

    /** Claims and sends one round of due rows; returns how many were claimed. */
    public int deliverDue() {
        return tx.inTransaction(c -> {
            List<Row> rows = outbox.claim(c, clock.instant(), claim);
            if (rows.isEmpty()) {
                return 0;
            }
            Map<Effect.Kind, List<Row>> byKind = new EnumMap<>(Effect.Kind.class);
            rows.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
            List<Outcome> outcomes = new ArrayList<>(rows.size());
            byKind.forEach((kind, group) -> outcomes.addAll(send(kind, group)));
            record(c, outcomes);
            return rows.size();
        });
    }

    /** What became of one row. */
    record Outcome(Row row, Ack ack, boolean permanent, String error) {
        boolean delivered() {
            return error == null;
        }
    }

    private List<Outcome> send(Effect.Kind kind, List<Row> rows) {
        try {
            return switch (kind) {
                case TAKE_DOWN -> stateChanges(rows, listings.takeDown(parse(rows, TakeDownListingRequest::parseFrom)),
                        Ack.Kind.TAKEDOWN_APPLIED);
                case RESTORE -> stateChanges(rows, listings.restore(parse(rows, RestoreListingRequest::parseFrom)),
                        Ack.Kind.RESTORE_APPLIED);
                case ADD_STRIKE -> eachOf(rows, row -> {
                    AddStrikeResponse r = listings.addStrike(AddStrikeRequest.parseFrom(row.payload()));
                    return new Ack(Ack.Kind.STRIKE_RECORDED, row.noticeId(), row.itemId(), r.getStrike().getId());
                });
                case REVOKE_STRIKE -> eachOf(rows, row -> {
                    listings.revokeStrike(RevokeStrikeRequest.parseFrom(row.payload()));
                    return new Ack(Ack.Kind.STRIKE_REVOKED, row.noticeId(), row.itemId(), "");
                });
                case RECORD_CONSUMER_REPORT -> eachOf(rows, row -> {
                    listings.recordConsumerReport(RecordConsumerReportRequest.parseFrom(row.payload()));
                    return null;
                });
                case SUSPEND_NOTIFIER -> eachOf(rows, row -> {
                    registry.suspend(SuspendRightsOwnerRequest.parseFrom(row.payload()));
                    return null;
                });
            };
        } catch (StatusRuntimeException e) {
            // the whole batch call failed: every row of it is due again (or refused for good)
            List<Outcome> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(failure(r, e.getStatus())));
            return out;
        }
    }

    @FunctionalInterface
    interface Parser<T> {
        T parse(byte[] bytes) throws InvalidProtocolBufferException;
    }

    @FunctionalInterface
    interface Sender {
        Ack send(Row row) throws InvalidProtocolBufferException;
    }

    private static <T> List<T> parse(List<Row> rows, Parser<T> parser) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            try {
                out.add(parser.parse(r.payload()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("outbox row " + r.id() + " does not hold its request", e);
            }
        }
        return out;
    }

    private List<Outcome> stateChanges(List<Row> rows, List<ListingStateChangeResult> results, Ack.Kind ackKind) {
        List<Outcome> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            ListingStateChangeResult r = i < results.size() ? results.get(i) : null;
            if (r == null) {
                out.add(failure(row, Status.INTERNAL.withDescription("no result for this request")));
            } else if (r.hasError()) {
                Status status = Status.fromCodeValue(r.getError().getCode())
                        .withDescription(r.getError().getDetail().getReason() + ": " + r.getError().getDetail().getMessage());
                out.add(failure(row, status));
            } else {
                out.add(new Outcome(row, new Ack(ackKind, row.noticeId(), row.itemId(), ""), false, null));
            }
        }
        return out;
    }

    private List<Outcome> eachOf(List<Row> rows, Sender sender) {
        List<Outcome> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                out.add(new Outcome(row, sender.send(row), false, null));
            } catch (StatusRuntimeException e) {
                out.add(failure(row, e.getStatus()));
            } catch (InvalidProtocolBufferException e) {
                out.add(new Outcome(row, null, true, "payload is not a request: " + e.getMessage()));
            }
        }
        return out;
    }

    /** Refusals no retry can change are permanent; anything else (outage, deadline, identity) is retried. */
    private static Outcome failure(Row row, Status status) {
        boolean permanent = switch (status.getCode()) {
            case INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, ALREADY_EXISTS, OUT_OF_RANGE -> true;
            default -> false;
        };
        String error = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        return new Outcome(row, null, permanent, error);
    }

    private void record(Connection c, List<Outcome> outcomes) throws SQLException {
        Instant now = clock.instant();
        List<Ack> delivered = new ArrayList<>();
        List<Long> deliveredRows = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.delivered()) {
                deliveredRows.add(o.row().id());
                if (o.ack() != null) {
                    delivered.add(o.ack());
                }
            } else if (o.permanent()) {
                LOG.errorf("Outbox row %d (%s) refused for good: %s", o.row().id(), o.row().kind(), o.error());
                outbox.failed(c, o.row().id(), now, o.error());
                if (o.row().noticeId() != null && o.row().itemId() != null) {
                    delivered.add(new Ack(Ack.Kind.EFFECT_FAILED, o.row().noticeId(), o.row().itemId(),
                            o.row().kind() + " " + o.error()));
                }
            } else {
                outbox.retryLater(c, o.row().id(), now.plus(backoff(o.row().attempts() + 1)), o.error());
            }
        }
        outbox.delivered(c, deliveredRows, now);
        acks.apply(c, delivered, now);
    }

    /** initial * 2^(attempts-1), capped, with up to 50 % jitter so that retries of many rows spread out. */
    Duration backoff(int attempts) {
        long base = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
