package io.cloudsword.verification.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cloudsword.verification.log.LogEntries;
import io.cloudsword.verification.log.TransparencyLog;
import io.quarkus.runtime.StartupEvent;

/**
 * Issues ordered batches in the background, one at a time per replica: claims the oldest PENDING
 * batch (or a RUNNING one whose lease ran out: its replica died), appends its codes to the log as
 * one contiguous run and its commitment right after, and marks it COMPLETED in the same
 * transaction. Progress (codes hashed, rate) is written every half second on the side, for
 * GetCodeBatch and WatchCodeBatch. Codes are derived deterministically, so a batch that is
 * retried after a crash issues exactly the same codes.
 */
@ApplicationScoped
public class BatchWorker {

    private static final Logger LOG = Logger.getLogger(BatchWorker.class);
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(500).toNanos();

    private final DataSource db;
    private final TransparencyLog log;
    private final KeyRing keys;
    private final Clock clock;
    private final boolean enabled;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "code-batch-worker");
        t.setDaemon(true);
        return t;
    });

    public BatchWorker(DataSource db, TransparencyLog log, KeyRing keys, Clock clock,
            @ConfigProperty(name = "cloudsword.codes.worker.enabled", defaultValue = "true") boolean enabled) {
        this.db = db;
        this.log = log;
        this.keys = keys;
        this.clock = clock;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            runner.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** A batch was ordered: look now rather than at the next tick. */
    public void wake() {
        if (enabled) {
            runner.execute(this::drain);
        }
    }

    private void drain() {
        try {
            UUID id;
            while ((id = claim()) != null) {
                issue(id);
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warnf("Code batch worker: %s (retrying in a second)", e.getMessage());
        }
    }

    private UUID claim() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE code_batch SET status = 'RUNNING', started_at = coalesce(started_at, ?), lease_until = ?, "
                        + "updated_at = ? WHERE id = (SELECT id FROM code_batch WHERE key_id IS NOT NULL AND "
                        + "(status = 'PENDING' OR (status = 'RUNNING' AND lease_until < ?)) "
                        + "ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id")) {
            Instant now = clock.instant();
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now.plus(LEASE)));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private void issue(UUID id) {
        long started = System.nanoTime();
        try {
            IssuedBatch batch = log.read(c -> keys.batch(c, id));
            long[] lastReport = { started };
            log.write(appender -> {
                long first = appender.appendCodes(batch, done -> {
                    long now = System.nanoTime();
                    if (now - lastReport[0] >= PROGRESS_EVERY_NANOS && done < batch.quantity()) {
                        lastReport[0] = now;
                        progress(id, done, rate(done, now - started));
                    }
                });
                Instant completed = clock.instant();
                long commitment = appender.appendEntry("BATCH_COMMITMENT", LogEntries.batchCommitment(batch.id(),
                        batch.ownerId(), batch.brandId(), batch.gtin14(), batch.quantity(), batch.keyId(),
                        batch.keyVersion(), first, completed));
                try (PreparedStatement ps = appender.connection().prepareStatement("UPDATE code_batch SET "
                        + "status = 'COMPLETED', codes_done = quantity, first_code_log_index = ?, commitment_log_index = ?, "
                        + "completed_at = ?, updated_at = ?, codes_per_second = ?, lease_until = NULL WHERE id = ?")) {
                    ps.setLong(1, first);
                    ps.setLong(2, commitment);
                    ps.setTimestamp(3, Timestamp.from(completed));
                    ps.setTimestamp(4, Timestamp.from(completed));
                    ps.setDouble(5, rate(batch.quantity(), System.nanoTime() - started));
                    ps.setObject(6, id);
                    ps.executeUpdate();
                }
                return null;
            });
            LOG.infof("Issued code batch %s: %,d codes in %,d ms", id, batch.quantity(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (TransparencyLog.LogStorageException e) {
            // the database, not the batch: keep it RUNNING; its lease runs out and it is issued again
            LOG.warnf("Code batch %s interrupted: %s", id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("Code batch %s failed: %s", id, e.getMessage());
            fail(id, e.getMessage());
        }
    }

    private static double rate(long done, long nanos) {
        return nanos <= 0 ? 0 : done * 1e9 / nanos;
    }

    private void progress(UUID id, long done, double rate) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE code_batch SET codes_done = ?, codes_per_second = ?, lease_until = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'RUNNING'")) {
            Instant now = clock.instant();
            ps.setLong(1, done);
            ps.setDouble(2, rate);
            ps.setTimestamp(3, Timestamp.from(now.plus(LEASE)));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setObject(5, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("progress of %s not recorded: %s", id, e.getMessage());
        }
    }

    private void fail(UUID id, String reason) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE code_batch SET status = 'FAILED', failure_reason = ?, lease_until = NULL, updated_at = ? "
                        + "WHERE id = ? AND status = 'RUNNING'")) {
            ps.setString(1, reason == null ? "unknown failure" : reason);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setObject(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Cannot mark batch %s FAILED (%s); its lease will expire and it will be retried", id, e.getMessage());
        }
    }
}
