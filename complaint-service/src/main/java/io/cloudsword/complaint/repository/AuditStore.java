package io.cloudsword.complaint.repository;

import static io.cloudsword.complaint.repository.Sql.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.domain.AuditRecord;
import io.cloudsword.complaint.domain.Notice;

/** The append-only, hash-chained audit trail (notice_transition). */
@ApplicationScoped
public class AuditStore {

    /**
     * Chains the drafts after the notice's head and inserts them. The caller holds the notice's
     * lock and writes the notice afterwards (its audit_sequence and audit_head move here).
     */
    public void append(Connection c, Notice notice, List<AuditRecord.Draft> drafts, Instant at) throws SQLException {
        if (drafts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO notice_transition (notice_id, sequence, subject, subject_id, from_state, to_state,
                    actor_subject, actor_role, actor_owner_id, actor_platform, reason, detail_keys, detail_values,
                    occurred_at, prev_hash, hash)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            for (AuditRecord.Draft d : drafts) {
                AuditRecord r = AuditRecord.chain(notice.id.toString(), notice.auditSequence + 1, notice.auditHead, d, at);
                int i = 1;
                ps.setObject(i++, notice.id);
                ps.setLong(i++, r.sequence());
                ps.setString(i++, r.subject());
                ps.setString(i++, r.subjectId());
                ps.setString(i++, r.fromState());
                ps.setString(i++, r.toState());
                ps.setString(i++, r.actorSubject());
                ps.setString(i++, r.actorRole());
                ps.setString(i++, r.actorOwnerId());
                ps.setString(i++, r.actorPlatform());
                ps.setString(i++, r.reason());
                ps.setArray(i++, textArray(c, r.details().keySet()));
                ps.setArray(i++, textArray(c, r.details().values()));
                ps.setTimestamp(i++, ts(r.occurredAt()));
                ps.setString(i++, r.prevHash());
                ps.setString(i++, r.hash());
                ps.addBatch();
                notice.auditSequence = r.sequence();
                notice.auditHead = r.hash();
            }
            ps.executeBatch();
        }
    }

    /** A notice's records after {@code afterSequence}, oldest first. */
    public List<AuditRecord> page(Connection c, UUID noticeId, long afterSequence, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notice_transition WHERE notice_id = ? "
                + "AND sequence > ? ORDER BY sequence LIMIT ?")) {
            ps.setObject(1, noticeId);
            ps.setLong(2, afterSequence);
            ps.setInt(3, limit);
            return read(ps);
        }
    }

    /**
     * Records for export after (notice, sequence), ordered by notice then sequence: of the given
     * notices, or of notices with a record in [from, to) (optionally of one platform).
     */
    public List<AuditRecord> exportPage(Connection c, List<UUID> noticeIds, Instant from, Instant to, String platform,
            UUID afterNotice, long afterSequence, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT t.* FROM notice_transition t WHERE (t.notice_id, t.sequence) > (?, ?)");
        if (!noticeIds.isEmpty()) {
            sql.append(" AND t.notice_id = ANY(?)");
        }
        if (from != null) {
            sql.append(" AND t.occurred_at >= ?");
        }
        if (to != null) {
            sql.append(" AND t.occurred_at < ?");
        }
        if (!platform.isEmpty()) {
            sql.append(" AND t.notice_id IN (SELECT id FROM notice WHERE platform = ?)");
        }
        sql.append(" ORDER BY t.notice_id, t.sequence LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setObject(i++, afterNotice == null ? new UUID(0, 0) : afterNotice);
            ps.setLong(i++, afterSequence);
            if (!noticeIds.isEmpty()) {
                ps.setArray(i++, uuidArray(c, noticeIds));
            }
            if (from != null) {
                ps.setTimestamp(i++, ts(from));
            }
            if (to != null) {
                ps.setTimestamp(i++, ts(to));
            }
            if (!platform.isEmpty()) {
                ps.setString(i++, platform);
            }
            ps.setInt(i, limit);
            return read(ps);
        }
    }

    private static List<AuditRecord> read(PreparedStatement ps) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> keys = texts(rs, "detail_keys");
                List<String> values = texts(rs, "detail_values");
                TreeMap<String, String> details = new TreeMap<>();
                for (int k = 0; k < keys.size(); k++) {
                    details.put(keys.get(k), values.get(k));
                }
                out.add(new AuditRecord(rs.getObject("notice_id").toString(), rs.getLong("sequence"),
                        rs.getString("subject"), rs.getString("subject_id"), rs.getString("from_state"),
                        rs.getString("to_state"), rs.getString("actor_subject"), rs.getString("actor_role"),
                        rs.getString("actor_owner_id"), rs.getString("actor_platform"), rs.getString("reason"), details,
                        instant(rs, "occurred_at"), rs.getString("prev_hash"), rs.getString("hash")));
            }
        }
        return out;
    }
}
