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

import io.cloudsword.complaint.domain.ConsumerReport;

/** Consumer reports (consumer_report). */
@ApplicationScoped
public class ConsumerReportStore {

    public void insert(Connection c, ConsumerReport r, String idempotencyKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO consumer_report (id, platform, listing_external_id, reason, contact_email, status, created_at,
                    digital_link, purchase_country, listing_id, notice_id, idempotency_key, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            int i = 1;
            ps.setObject(i++, r.id());
            ps.setString(i++, r.platform());
            ps.setString(i++, r.listingExternalId());
            ps.setString(i++, r.reason());
            ps.setString(i++, r.contactEmail());
            ps.setString(i++, r.status());
            setTs(ps, i++, r.createdAt());
            ps.setString(i++, r.digitalLink());
            ps.setString(i++, r.purchaseCountry());
            setUuid(ps, i++, r.listingId());
            setUuid(ps, i++, r.noticeId());
            ps.setString(i++, idempotencyKey);
            setTs(ps, i++, r.updatedAt());
            ps.executeUpdate();
        }
    }

    public Optional<ConsumerReport> find(Connection c, UUID id) throws SQLException {
        List<ConsumerReport> found = list(c, "id = ?", List.of(id), 1);
        return found.stream().findFirst();
    }

    public Optional<ConsumerReport> byIdempotencyKey(Connection c, String key) throws SQLException {
        return list(c, "idempotency_key = ?", List.of(key), 1).stream().findFirst();
    }

    /** Newest first. */
    public List<ConsumerReport> list(Connection c, String where, List<Object> args, int limit) throws SQLException {
        List<ConsumerReport> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM consumer_report WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT " + limit)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConsumerReport(uuid(rs, "id"), rs.getString("platform"), rs.getString("listing_external_id"),
                            rs.getString("reason"), rs.getString("contact_email"), rs.getString("status"),
                            instant(rs, "created_at"), uuid(rs, "listing_id"), rs.getString("digital_link"),
                            rs.getString("purchase_country"), uuid(rs, "notice_id"), rs.getString("outcome_summary"),
                            instant(rs, "updated_at")));
                }
            }
        }
        return out;
    }

    /** Closes the report with what the reporter is told; returns false when it was closed already. */
    public boolean close(Connection c, UUID id, String outcome, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE consumer_report SET status = 'CLOSED', "
                + "outcome_summary = ?, updated_at = ? WHERE id = ? AND status <> 'CLOSED'")) {
            ps.setString(1, outcome);
            setTs(ps, 2, at);
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        }
    }
}
