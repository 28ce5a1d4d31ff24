package io.cloudsword.complaint.repository;

import static io.cloudsword.complaint.repository.Sql.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decisions on a platform's listings, numbered per platform for partners' subscriptions. The
 * numbers are taken under the platform's decision_head row lock, held until commit, so a watcher
 * reading "after n" never skips a number that commits later.
 */
@ApplicationScoped
public class DecisionFeed {

    public record Event(String platform, long sequence, UUID noticeId, UUID itemId, UUID listingId,
            String listingExternalId, String shopId, String state, byte[] statement, Instant occurredAt) {
    }

    /** Appends events of one platform (sequence ignored on input). */
    public void publish(Connection c, String platform, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        long last;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO decision_head (platform, last_sequence) VALUES (?, ?)
                ON CONFLICT (platform) DO UPDATE SET last_sequence = decision_head.last_sequence + EXCLUDED.last_sequence
                RETURNING last_sequence""")) {
            ps.setString(1, platform);
            ps.setLong(2, events.size());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        long seq = last - events.size();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO decision_event (platform, sequence, notice_id, item_id, listing_id, listing_external_id,
                    shop_id, state, statement, occurred_at) VALUES (?,?,?,?,?,?,?,?,?,?)""")) {
            for (Event e : events) {
                ps.setString(1, platform);
                ps.setLong(2, ++seq);
                ps.setObject(3, e.noticeId());
                ps.setObject(4, e.itemId());
                ps.setObject(5, e.listingId());
                ps.setString(6, e.listingExternalId());
                ps.setString(7, e.shopId());
                ps.setString(8, e.state());
                ps.setBytes(9, e.statement());
                ps.setTimestamp(10, ts(e.occurredAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<Event> after(Connection c, String platform, long afterSequence, int limit) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM decision_event WHERE platform = ? AND sequence > ? "
                + "ORDER BY sequence LIMIT ?")) {
            ps.setString(1, platform);
            ps.setLong(2, afterSequence);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(platform, rs.getLong("sequence"), uuid(rs, "notice_id"), uuid(rs, "item_id"),
                            uuid(rs, "listing_id"), rs.getString("listing_external_id"), rs.getString("shop_id"),
                            rs.getString("state"), rs.getBytes("statement"), instant(rs, "occurred_at")));
                }
            }
        }
        return out;
    }

    public long latest(Connection c, String platform) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM decision_head WHERE platform = ?")) {
            ps.setString(1, platform);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
