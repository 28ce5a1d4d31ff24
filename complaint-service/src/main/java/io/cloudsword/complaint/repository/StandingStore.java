package io.cloudsword.complaint.repository;

import static io.cloudsword.complaint.repository.Sql.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** A notifier's good-faith program status and its suspension from filing, as decided here. */
@ApplicationScoped
public class StandingStore {

    public record Standing(UUID ownerId, String goodFaithStatus, Instant goodFaithSince, Instant excludedUntil,
            Instant suspendedUntil) {
        public static Standing none(UUID ownerId) {
            return new Standing(ownerId, "NOT_ADMITTED", null, null, null);
        }

        public boolean suspendedAt(Instant at) {
            return suspendedUntil != null && at.isBefore(suspendedUntil);
        }
    }

    public Optional<Standing> find(Connection c, UUID ownerId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notifier_standing WHERE owner_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setObject(1, ownerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Standing(ownerId, rs.getString("good_faith_status"),
                        instant(rs, "good_faith_since"), instant(rs, "excluded_until"), instant(rs, "suspended_until")));
            }
        }
    }

    public void save(Connection c, Standing s, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO notifier_standing (owner_id, good_faith_status, good_faith_since, excluded_until,
                    suspended_until, updated_at) VALUES (?,?,?,?,?,?)
                ON CONFLICT (owner_id) DO UPDATE SET good_faith_status = EXCLUDED.good_faith_status,
                    good_faith_since = EXCLUDED.good_faith_since, excluded_until = EXCLUDED.excluded_until,
                    suspended_until = EXCLUDED.suspended_until, updated_at = EXCLUDED.updated_at""")) {
            ps.setObject(1, s.ownerId());
            ps.setString(2, s.goodFaithStatus());
            setTs(ps, 3, s.goodFaithSince());
            setTs(ps, 4, s.excludedUntil());
            setTs(ps, 5, s.suspendedUntil());
            setTs(ps, 6, now);
            ps.executeUpdate();
        }
    }

    /** Manifestly unfounded notices of the notifier marked since {@code since}. */
    public int unfoundedSince(Connection c, UUID ownerId, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM notice_abuse_mark m JOIN notice n ON n.id = m.notice_id
                WHERE n.notifier_owner_id = ? AND m.kind = 'MANIFESTLY_UNFOUNDED' AND m.marked_at >= ?""")) {
            ps.setObject(1, ownerId);
            setTs(ps, 2, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
