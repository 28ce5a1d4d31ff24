package io.cloudsword.complaint.repository;

import static io.cloudsword.complaint.repository.Sql.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.domain.Appeal;
import io.cloudsword.complaint.domain.AuditRecord;
import io.cloudsword.complaint.domain.CounterNotice;
import io.cloudsword.complaint.domain.LegalActionProof;

/** Counter-notices, legal-action proofs and appeals: the records attached to a notice. */
@ApplicationScoped
public class RecordStore {

    private final NoticeStore notices;

    public RecordStore(NoticeStore notices) {
        this.notices = notices;
    }

    /** An earlier record of this filer under this key, in a table: (id, fingerprint). */
    public Optional<NoticeStore.Filed> byKey(Connection c, String table, String filedBy, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, request_fingerprint FROM " + table
                + " WHERE filed_by = ? AND idempotency_key = ?")) {
            ps.setString(1, filedBy);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new NoticeStore.Filed(uuid(rs, "id"), rs.getString(2))) : Optional.empty();
            }
        }
    }

    // ----- counter-notices

    public void insert(Connection c, CounterNotice n, String filedBy, String key, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO counter_notice (id, notice_id, filed_by, idempotency_key, request_fingerprint, item_ids, state,
                    seller_name, seller_email, seller_address, shop_id, explanation, good_faith, consent_to_jurisdiction,
                    signature, received_at, forwarded_at, legal_action_deadline, restore_not_before)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            int i = 1;
            ps.setObject(i++, n.id());
            ps.setObject(i++, n.noticeId());
            ps.setString(i++, filedBy);
            ps.setString(i++, key);
            ps.setString(i++, fingerprint);
            ps.setArray(i++, uuidArray(c, n.itemIds()));
            ps.setString(i++, n.state());
            ps.setString(i++, n.sellerName());
            ps.setString(i++, n.sellerEmail());
            ps.setString(i++, n.sellerAddress());
            ps.setString(i++, n.shopId());
            ps.setString(i++, n.explanation());
            ps.setBoolean(i++, n.goodFaith());
            ps.setBoolean(i++, n.consentToJurisdiction());
            ps.setString(i++, n.signature());
            setTs(ps, i++, n.receivedAt());
            setTs(ps, i++, n.forwardedAt());
            setTs(ps, i++, n.legalActionDeadline());
            setTs(ps, i++, n.restoreNotBefore());
            ps.executeUpdate();
        }
        notices.insertEvidence(c, n.id(), n.evidence());
    }

    public List<CounterNotice> counterNotices(Connection c, String where, List<Object> args, int limit)
            throws SQLException {
        List<CounterNotice> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cn.* FROM counter_notice cn JOIN notice n ON n.id = cn.notice_id WHERE "
                + where + " ORDER BY cn.received_at DESC, cn.id DESC LIMIT " + limit)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CounterNotice(uuid(rs, "id"), uuid(rs, "notice_id"), uuids(rs, "item_ids"),
                            rs.getString("state"), rs.getString("seller_name"), rs.getString("seller_email"),
                            rs.getString("seller_address"), rs.getString("shop_id"), rs.getString("explanation"), List.of(),
                            rs.getBoolean("good_faith"), rs.getBoolean("consent_to_jurisdiction"), rs.getString("signature"),
                            instant(rs, "received_at"), instant(rs, "forwarded_at"), instant(rs, "legal_action_deadline"),
                            instant(rs, "restore_not_before"), instant(rs, "resolved_at")));
                }
            }
        }
        return withEvidence(c, out, CounterNotice::id, (cn, docs) -> new CounterNotice(cn.id(), cn.noticeId(),
                cn.itemIds(), cn.state(), cn.sellerName(), cn.sellerEmail(), cn.sellerAddress(), cn.shopId(),
                cn.explanation(), docs, cn.goodFaith(), cn.consentToJurisdiction(), cn.signature(), cn.receivedAt(),
                cn.forwardedAt(), cn.legalActionDeadline(), cn.restoreNotBefore(), cn.resolvedAt()));
    }

    /** Moves the notice's counter-notices in {@code from} states to {@code to}, resolved now. */
    public void resolveCounterNotices(Connection c, UUID noticeId, List<UUID> ids, String to, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE counter_notice SET state = ?, resolved_at = ? "
                + "WHERE notice_id = ? AND id = ANY(?) AND state IN ('RECEIVED', 'FORWARDED')")) {
            ps.setString(1, to);
            setTs(ps, 2, at);
            ps.setObject(3, noticeId);
            ps.setArray(4, uuidArray(c, ids));
            ps.executeUpdate();
        }
    }

    // ----- legal-action proofs

    public void insert(Connection c, LegalActionProof p, String filedBy, String key, String fingerprint)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO legal_action_proof (id, notice_id, filed_by, idempotency_key, request_fingerprint, item_ids,
                    kind, authority_or_court, case_reference, filed_on, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")) {
            int i = 1;
            ps.setObject(i++, p.id());
            ps.setObject(i++, p.noticeId());
            ps.setString(i++, filedBy);
            ps.setString(i++, key);
            ps.setString(i++, fingerprint);
            ps.setArray(i++, uuidArray(c, p.itemIds()));
            ps.setString(i++, p.kind());
            ps.setString(i++, p.authorityOrCourt());
            ps.setString(i++, p.caseReference());
            ps.setObject(i++, p.filedOn());
            setTs(ps, i++, p.receivedAt());
            ps.executeUpdate();
        }
        notices.insertEvidence(c, p.id(), p.evidence());
    }

    public Optional<LegalActionProof> proof(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM legal_action_proof WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LegalActionProof(id, uuid(rs, "notice_id"), uuids(rs, "item_ids"),
                        rs.getString("kind"), rs.getString("authority_or_court"), rs.getString("case_reference"),
                        rs.getObject("filed_on", java.time.LocalDate.class),
                        notices.evidence(c, List.of(id)).getOrDefault(id, List.of()), instant(rs, "received_at")));
            }
        }
    }

    // ----- appeals

    public void insert(Connection c, Appeal a, String filedBy, String key, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO appeal (id, notice_id, filed_by, idempotency_key, request_fingerprint, item_ids, appellant,
                    state, grounds, filer_role, filer_owner_id, filer_platform, contact_email, filed_at, decision_due_at,
                    original_reviewer) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            int i = 1;
            ps.setObject(i++, a.id());
            ps.setObject(i++, a.noticeId());
            ps.setString(i++, filedBy);
            ps.setString(i++, key);
            ps.setString(i++, fingerprint);
            ps.setArray(i++, uuidArray(c, a.itemIds()));
            ps.setString(i++, a.appellant());
            ps.setString(i++, a.state());
            ps.setString(i++, a.grounds());
            ps.setString(i++, a.filedBy().role());
            ps.setString(i++, a.filedBy().ownerId());
            ps.setString(i++, a.filedBy().platform());
            ps.setString(i++, a.contactEmail());
            setTs(ps, i++, a.filedAt());
            setTs(ps, i++, a.decisionDueAt());
            ps.setString(i++, a.originalReviewer());
            ps.executeUpdate();
        }
        notices.insertEvidence(c, a.id(), a.evidence());
    }

    public List<Appeal> appeals(Connection c, String where, List<Object> args, int limit, boolean forUpdate)
            throws SQLException {
        List<Appeal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.* FROM appeal a JOIN notice n ON n.id = a.notice_id WHERE "
                + where + " ORDER BY a.filed_at DESC, a.id DESC LIMIT " + limit + (forUpdate ? " FOR UPDATE OF a" : ""))) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Appeal(uuid(rs, "id"), uuid(rs, "notice_id"), uuids(rs, "item_ids"),
                            rs.getString("appellant"), rs.getString("state"), rs.getString("grounds"), List.of(),
                            new AuditRecord.Actor(rs.getString("filed_by"), rs.getString("filer_role"),
                                    rs.getString("filer_owner_id"), rs.getString("filer_platform")),
                            rs.getString("contact_email"), instant(rs, "filed_at"), instant(rs, "decision_due_at"),
                            rs.getString("original_reviewer"), instant(rs, "decided_at"), rs.getString("decided_by"),
                            rs.getString("decision_explanation")));
                }
            }
        }
        return withEvidence(c, out, Appeal::id, (a, docs) -> new Appeal(a.id(), a.noticeId(), a.itemIds(),
                a.appellant(), a.state(), a.grounds(), docs, a.filedBy(), a.contactEmail(), a.filedAt(),
                a.decisionDueAt(), a.originalReviewer(), a.decidedAt(), a.decidedBy(), a.decisionExplanation()));
    }

    public void decide(Connection c, UUID appealId, String state, String decidedBy, String explanation, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE appeal SET state = ?, decided_by = ?, "
                + "decision_explanation = ?, decided_at = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setString(2, decidedBy);
            ps.setString(3, explanation);
            setTs(ps, 4, at);
            ps.setObject(5, appealId);
            ps.executeUpdate();
        }
    }

    private <T> List<T> withEvidence(Connection c, List<T> records, java.util.function.Function<T, UUID> id,
            java.util.function.BiFunction<T, List<io.cloudsword.complaint.domain.Evidence>, T> with) throws SQLException {
        var docs = notices.evidence(c, records.stream().map(id).toList());
        List<T> out = new ArrayList<>(records.size());
        for (T r : records) {
            out.add(with.apply(r, docs.getOrDefault(id.apply(r), List.of())));
        }
        return out;
    }
}
