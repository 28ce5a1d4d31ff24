package io.cloudsword.complaint.repository;

import static io.cloudsword.complaint.repository.Sql.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.domain.Evidence;
import io.cloudsword.complaint.domain.ItemState;
import io.cloudsword.complaint.domain.Jurisdiction;
import io.cloudsword.complaint.domain.Notice;
import io.cloudsword.complaint.domain.NoticeItem;
import io.cloudsword.complaint.domain.NoticeKind;
import io.cloudsword.complaint.domain.NoticeState;

/** Notices with their items, evidence and abuse marks, read and written on the caller's connection. */
@ApplicationScoped
public class NoticeStore {

    /** The stored notice id and request fingerprint for an idempotency key of a filer, if any. */
    public record Filed(UUID id, String fingerprint) {
    }

    public Optional<Filed> findByIdempotencyKey(Connection c, String filedBy, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, request_fingerprint FROM notice WHERE filed_by = ? AND idempotency_key = ?")) {
            ps.setString(1, filedBy);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Filed(uuid(rs, "id"), rs.getString(2))) : Optional.empty();
            }
        }
    }

    public void insert(Connection c, Notice n, String idempotencyKey, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO notice (id, filed_by, idempotency_key, request_fingerprint, kind, state, platform, jurisdiction,
                    notifier_owner_id, notifier_name, notifier_email, notifier_phone, principal_owner_id, agent_mandate_id,
                    trusted_flagger, right_type, trademark_id, brand_id, registration_number, copyright_work_description,
                    copyright_registration_number, explanation, good_faith, accurate, authorized_to_act, signature,
                    client_reference, consumer_report_id, received_at, decision_due_at, updated_at, version,
                    audit_sequence, audit_head)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            int i = 1;
            ps.setObject(i++, n.id);
            ps.setString(i++, n.filedBy);
            ps.setString(i++, idempotencyKey);
            ps.setString(i++, fingerprint);
            ps.setString(i++, n.kind.name());
            ps.setString(i++, n.state.name());
            ps.setString(i++, n.platform);
            ps.setString(i++, n.jurisdiction.name());
            setUuid(ps, i++, n.notifier.ownerId());
            ps.setString(i++, n.notifier.name());
            ps.setString(i++, n.notifier.email());
            ps.setString(i++, n.notifier.phone());
            setUuid(ps, i++, n.notifier.principalOwnerId());
            setUuid(ps, i++, n.notifier.agentMandateId());
            ps.setBoolean(i++, n.notifier.trustedFlagger());
            ps.setString(i++, n.right.type());
            setUuid(ps, i++, n.right.trademarkId());
            setUuid(ps, i++, n.right.brandId());
            ps.setString(i++, n.right.registrationNumber());
            ps.setString(i++, n.right.copyrightWorkDescription());
            ps.setString(i++, n.right.copyrightRegistrationNumber());
            ps.setString(i++, n.explanation);
            ps.setBoolean(i++, n.statements.goodFaith());
            ps.setBoolean(i++, n.statements.accurate());
            ps.setBoolean(i++, n.statements.authorizedToAct());
            ps.setString(i++, n.statements.signature());
            ps.setString(i++, n.clientReference);
            setUuid(ps, i++, n.consumerReportId);
            setTs(ps, i++, n.receivedAt);
            setTs(ps, i++, n.decisionDueAt);
            setTs(ps, i++, n.updatedAt);
            ps.setLong(i++, n.version);
            ps.setLong(i++, n.auditSequence);
            ps.setString(i++, n.auditHead);
            ps.executeUpdate();
        }
        insertEvidence(c, n.id, n.evidence);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO notice_item (id, notice_id, position, reference_url, reference_external_id, listing_id,
                    listing_external_id, shop_id, listing_created_at, state)
                VALUES (?,?,?,?,?,?,?,?,?,?)""")) {
            for (NoticeItem it : n.items) {
                ps.setObject(1, it.id);
                ps.setObject(2, n.id);
                ps.setInt(3, it.position);
                ps.setString(4, it.referenceUrl);
                ps.setString(5, it.referenceExternalId);
                ps.setObject(6, it.listingId);
                ps.setString(7, it.listingExternalId);
                ps.setString(8, it.shopId);
                setTs(ps, 9, it.listingCreatedAt);
                ps.setString(10, it.state.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void insertEvidence(Connection c, UUID recordId, List<Evidence> evidence) throws SQLException {
        if (evidence.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO evidence_document (record_id, position, sha256, uri, media_type, description)
                VALUES (?,?,?,?,?,?)""")) {
            for (int i = 0; i < evidence.size(); i++) {
                Evidence e = evidence.get(i);
                ps.setObject(1, recordId);
                ps.setInt(2, i);
                ps.setString(3, e.sha256());
                ps.setString(4, e.uri());
                ps.setString(5, e.mediaType());
                ps.setString(6, e.description());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Evidence of several records, in their order. */
    public Map<UUID, List<Evidence>> evidence(Connection c, Collection<UUID> recordIds) throws SQLException {
        Map<UUID, List<Evidence>> out = new LinkedHashMap<>();
        if (recordIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, sha256, uri, media_type, description "
                + "FROM evidence_document WHERE record_id = ANY(?) ORDER BY record_id, position")) {
            ps.setArray(1, uuidArray(c, recordIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(uuid(rs, "record_id"), k -> new ArrayList<>()).add(new Evidence(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** The notice, locked for this transaction (every change of a notice goes through its lock). */
    public Optional<Notice> lock(Connection c, UUID id) throws SQLException {
        List<Notice> found = load(c, List.of(id), true);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Tries the lock without waiting: a notice another transaction holds is skipped (timers, two replicas). */
    public Optional<Notice> tryLock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM notice WHERE id = ? FOR UPDATE SKIP LOCKED")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        return find(c, id);
    }

    public Optional<Notice> find(Connection c, UUID id) throws SQLException {
        List<Notice> found = load(c, List.of(id), false);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Notices by id, in the order of the ids, with items, evidence and abuse marks (four queries). */
    public List<Notice> load(Connection c, Collection<UUID> ids, boolean forUpdate) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Notice> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notice WHERE id = ANY(?) ORDER BY id"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setArray(1, uuidArray(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Notice n = notice(rs);
                    byId.put(n.id, n);
                }
            }
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM notice_item WHERE notice_id = ANY(?) ORDER BY notice_id, position")) {
            ps.setArray(1, uuidArray(c, byId.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    NoticeItem it = item(rs);
                    byId.get(it.noticeId).items.add(it);
                }
            }
        }
        Map<UUID, List<Evidence>> evidence = evidence(c, byId.keySet());
        evidence.forEach((id, docs) -> byId.get(id).evidence = docs);
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notice_abuse_mark WHERE notice_id = ANY(?) "
                + "ORDER BY marked_at, kind")) {
            ps.setArray(1, uuidArray(c, byId.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.get(uuid(rs, "notice_id")).abuseMarks.add(new Notice.AbuseMark(rs.getString("kind"),
                            rs.getString("explanation"), rs.getString("marked_by"), instant(rs, "marked_at")));
                }
            }
        }
        List<Notice> out = new ArrayList<>();
        for (UUID id : ids) {
            Notice n = byId.get(id);
            if (n != null && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Writes back what the workflow may change on a notice. */
    public void update(Connection c, Notice n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE notice SET state = ?, decided_at = ?, assigned_reviewer = ?, updated_at = ?, version = ?,
                    audit_sequence = ?, audit_head = ?
                WHERE id = ?""")) {
            ps.setString(1, n.state.name());
            setTs(ps, 2, n.decidedAt);
            ps.setString(3, n.assignedReviewer);
            setTs(ps, 4, n.updatedAt);
            ps.setLong(5, n.version);
            ps.setLong(6, n.auditSequence);
            ps.setString(7, n.auditHead);
            ps.setObject(8, n.id);
            ps.executeUpdate();
        }
    }

    /** Writes back what the workflow may change on items: one statement for all of them. */
    public void updateItems(Connection c, Collection<NoticeItem> items) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        List<NoticeItem> list = new ArrayList<>(items);
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE notice_item i SET state = u.state, statement = u.statement, decision_reason = u.decision_reason,
                    decided_at = u.decided_at, decided_by = u.decided_by, takedown_applied_at = u.takedown_applied_at,
                    counter_notice_deadline = u.counter_notice_deadline, legal_action_deadline = u.legal_action_deadline,
                    restore_not_before = u.restore_not_before, appeal_deadline = u.appeal_deadline,
                    counter_notice_id = u.counter_notice_id, legal_action_proof_id = u.legal_action_proof_id,
                    strike_id = u.strike_id, restored_by = u.restored_by
                FROM unnest(?::uuid[], ?::text[], ?::bytea[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[],
                            ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::uuid[], ?::uuid[],
                            ?::text[], ?::text[])
                     AS u(id, state, statement, decision_reason, decided_at, decided_by, takedown_applied_at,
                          counter_notice_deadline, legal_action_deadline, restore_not_before, appeal_deadline,
                          counter_notice_id, legal_action_proof_id, strike_id, restored_by)
                WHERE i.id = u.id""")) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("uuid", list.stream().map(it -> it.id).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> it.state.name()).toArray()));
            ps.setArray(p++, c.createArrayOf("bytea", list.stream().map(it -> it.statement).toArray(byte[][]::new)));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> it.decisionReason).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> iso(it.decidedAt)).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> it.decidedBy).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> iso(it.takedownAppliedAt)).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> iso(it.counterNoticeDeadline)).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> iso(it.legalActionDeadline)).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> iso(it.restoreNotBefore)).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> iso(it.appealDeadline)).toArray()));
            ps.setArray(p++, c.createArrayOf("uuid", list.stream().map(it -> it.counterNoticeId).toArray()));
            ps.setArray(p++, c.createArrayOf("uuid", list.stream().map(it -> it.legalActionProofId).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> it.strikeId).toArray()));
            ps.setArray(p++, c.createArrayOf("text", list.stream().map(it -> it.restoredBy).toArray()));
            ps.executeUpdate();
        }
    }

    /** An instant as ISO text (UTC, "Z"), for arrays that PostgreSQL casts to timestamptz[]. */
    private static String iso(java.time.Instant at) {
        return at == null ? null : at.toString();
    }

    /** The audit heads (id, sequence, hash, version) of notices, locked, in id order. */
    public List<Notice> lockHeads(Connection c, Collection<UUID> ids) throws SQLException {
        List<Notice> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, audit_sequence, audit_head, version FROM notice "
                + "WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, uuidArray(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Notice n = new Notice();
                    n.id = uuid(rs, "id");
                    n.auditSequence = rs.getLong("audit_sequence");
                    n.auditHead = rs.getString("audit_head");
                    n.version = rs.getLong("version");
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Writes a locked head back after records were appended; the notice changed, so its version moves. */
    public void advanceHead(Connection c, Notice head, java.time.Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET audit_sequence = ?, audit_head = ?, "
                + "version = version + 1, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, head.auditSequence);
            ps.setString(2, head.auditHead);
            setTs(ps, 3, at);
            ps.setObject(4, head.id);
            ps.executeUpdate();
        }
    }

    public void markTakedownsApplied(Connection c, List<UUID> itemIds, java.time.Instant at) throws SQLException {
        if (itemIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE notice_item SET takedown_applied_at = ? "
                + "WHERE id = ANY(?) AND takedown_applied_at IS NULL")) {
            setTs(ps, 1, at);
            ps.setArray(2, uuidArray(c, itemIds));
            ps.executeUpdate();
        }
    }

    public void setStrike(Connection c, UUID itemId, String strikeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE notice_item SET strike_id = ? WHERE id = ?")) {
            ps.setString(1, strikeId);
            ps.setObject(2, itemId);
            ps.executeUpdate();
        }
    }

    public boolean insertAbuseMark(Connection c, UUID noticeId, Notice.AbuseMark mark) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice_abuse_mark (notice_id, kind, explanation, "
                + "marked_by, marked_at) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, noticeId);
            ps.setString(2, mark.kind());
            ps.setString(3, mark.explanation());
            ps.setString(4, mark.markedBy());
            setTs(ps, 5, mark.markedAt());
            return ps.executeUpdate() == 1;
        }
    }

    /** Ids of notices with an item whose deadline has come, oldest deadline first. */
    public List<UUID> noticesWithDueDeadlines(Connection c, java.time.Instant now, int limit) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT notice_id FROM (
                    (SELECT notice_id, counter_notice_deadline AS due FROM notice_item
                      WHERE state = 'ACCEPTED' AND counter_notice_deadline <= ? ORDER BY counter_notice_deadline LIMIT ?)
                    UNION ALL
                    (SELECT notice_id, legal_action_deadline AS due FROM notice_item
                      WHERE state = 'COUNTER_NOTICED' AND legal_action_deadline <= ? ORDER BY legal_action_deadline LIMIT ?)
                ) due GROUP BY notice_id ORDER BY min(due) LIMIT ?""")) {
            ps.setTimestamp(1, ts(now));
            ps.setInt(2, limit);
            ps.setTimestamp(3, ts(now));
            ps.setInt(4, limit);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(uuid(rs, "notice_id"));
                }
            }
        }
        return out;
    }

    static Notice notice(ResultSet rs) throws SQLException {
        Notice n = new Notice();
        n.id = uuid(rs, "id");
        n.filedBy = rs.getString("filed_by");
        n.kind = NoticeKind.valueOf(rs.getString("kind"));
        n.state = NoticeState.valueOf(rs.getString("state"));
        n.platform = rs.getString("platform");
        n.jurisdiction = Jurisdiction.valueOf(rs.getString("jurisdiction"));
        n.notifier = new Notice.Notifier(uuid(rs, "notifier_owner_id"), rs.getString("notifier_name"),
                rs.getString("notifier_email"), rs.getString("notifier_phone"), uuid(rs, "principal_owner_id"),
                uuid(rs, "agent_mandate_id"), rs.getBoolean("trusted_flagger"));
        n.right = new Notice.Right(rs.getString("right_type"), uuid(rs, "trademark_id"), uuid(rs, "brand_id"),
                rs.getString("registration_number"), rs.getString("copyright_work_description"),
                rs.getString("copyright_registration_number"));
        n.explanation = rs.getString("explanation");
        n.statements = new Notice.Statements(rs.getBoolean("good_faith"), rs.getBoolean("accurate"),
                rs.getBoolean("authorized_to_act"), rs.getString("signature"));
        n.clientReference = rs.getString("client_reference");
        n.consumerReportId = uuid(rs, "consumer_report_id");
        n.receivedAt = instant(rs, "received_at");
        n.decisionDueAt = instant(rs, "decision_due_at");
        n.decidedAt = instant(rs, "decided_at");
        n.assignedReviewer = rs.getString("assigned_reviewer");
        n.updatedAt = instant(rs, "updated_at");
        n.version = rs.getLong("version");
        n.auditSequence = rs.getLong("audit_sequence");
        n.auditHead = rs.getString("audit_head");
        return n;
    }

    static NoticeItem item(ResultSet rs) throws SQLException {
        NoticeItem it = new NoticeItem();
        it.id = uuid(rs, "id");
        it.noticeId = uuid(rs, "notice_id");
        it.position = rs.getInt("position");
        it.referenceUrl = rs.getString("reference_url");
        it.referenceExternalId = rs.getString("reference_external_id");
        it.listingId = uuid(rs, "listing_id");
        it.listingExternalId = rs.getString("listing_external_id");
        it.shopId = rs.getString("shop_id");
        it.listingCreatedAt = instant(rs, "listing_created_at");
        it.state = ItemState.valueOf(rs.getString("state"));
        it.statement = rs.getBytes("statement");
        it.decisionReason = rs.getString("decision_reason");
        it.decidedAt = instant(rs, "decided_at");
        it.decidedBy = rs.getString("decided_by");
        it.takedownAppliedAt = instant(rs, "takedown_applied_at");
        it.counterNoticeDeadline = instant(rs, "counter_notice_deadline");
        it.legalActionDeadline = instant(rs, "legal_action_deadline");
        it.restoreNotBefore = instant(rs, "restore_not_before");
        it.appealDeadline = instant(rs, "appeal_deadline");
        it.counterNoticeId = uuid(rs, "counter_notice_id");
        it.legalActionProofId = uuid(rs, "legal_action_proof_id");
        it.strikeId = rs.getString("strike_id");
        it.restoredBy = rs.getString("restored_by");
        return it;
    }
}
