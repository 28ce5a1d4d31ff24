package io.cloudsword.complaint.repository;

import static io.cloudsword.complaint.repository.Sql.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.domain.Effect;

/**
 * The transactional outbox: effects are inserted in the transaction that decided them, then
 * claimed by the relay (row locks held while it sends, so two senders never send the same row), and marked
 * delivered, failed for good, or due again later.
 */
@ApplicationScoped
public class OutboxStore {

    /** A claimed row. */
    public record Row(long id, Effect.Kind kind, String orderingKey, UUID noticeId, UUID itemId, byte[] payload,
            int attempts) {
    }

    public void enqueue(Connection c, Collection<Effect> effects, Instant now) throws SQLException {
        if (effects.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (kind, ordering_key, notice_id, item_id, "
                + "payload, created_at, next_attempt_at) VALUES (?,?,?,?,?,?,?)")) {
            for (Effect e : effects) {
                ps.setString(1, e.kind().name());
                ps.setString(2, e.orderingKey());
                setUuid(ps, 3, e.noticeId());
                setUuid(ps, 4, e.itemId());
                ps.setBytes(5, e.payload());
                ps.setTimestamp(6, ts(now));
                ps.setTimestamp(7, ts(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Locks up to {@code limit} due rows until the end of the caller's transaction, each the
     * oldest undelivered row of its ordering key (a restore never overtakes its takedown; a key
     * whose oldest row another sender holds is skipped). Written so that the plan walks the due
     * index and probes the key index once per candidate whatever the table's statistics say
     * (autovacuum may be off): an anti-join here once scanned every pending row per candidate.
     */
    public List<Row> claim(Connection c, Instant now, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT o.id, o.kind, o.ordering_key, o.notice_id, o.item_id, o.payload, o.attempts FROM outbox o
                WHERE o.delivered_at IS NULL AND o.failed_at IS NULL AND o.next_attempt_at <= ?
                  AND o.id = (SELECT min(p.id) FROM outbox p WHERE p.ordering_key = o.ordering_key
                                AND p.delivered_at IS NULL AND p.failed_at IS NULL)
                ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setTimestamp(1, ts(now));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong("id"), Effect.Kind.valueOf(rs.getString("kind")),
                            rs.getString("ordering_key"), uuid(rs, "notice_id"), uuid(rs, "item_id"),
                            rs.getBytes("payload"), rs.getInt("attempts")));
                }
            }
        }
        return out;
    }

    public void delivered(Connection c, List<Long> ids, Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET delivered_at = ?, last_error = '' WHERE id = ANY(?)")) {
            ps.setTimestamp(1, ts(at));
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    public void retryLater(Connection c, long id, Instant next, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            ps.setTimestamp(1, ts(next));
            ps.setString(2, truncate(error));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    public void failed(Connection c, long id, Instant at, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET failed_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            ps.setTimestamp(1, ts(at));
            ps.setString(2, truncate(error));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Forgets rows delivered before {@code before}: their acknowledgement is in the audit trail. */
    public int purgeDelivered(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE delivered_at < ?")) {
            ps.setTimestamp(1, ts(before));
            return ps.executeUpdate();
        }
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 1_000 ? s.substring(0, 1_000) : s;
    }
}
