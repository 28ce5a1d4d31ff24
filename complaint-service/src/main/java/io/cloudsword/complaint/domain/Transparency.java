package io.cloudsword.complaint.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.InvalidProtocolBufferException;

import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.complaint.repository.AuditStore;
import io.cloudsword.complaint.repository.DecisionFeed;
import io.cloudsword.complaint.repository.Sql;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/**
 * What leaves the service in bulk: the audit trail for export, statements of reasons in the DSA
 * transparency-database shape (no personal data: the statement holds the reviewer's facts about
 * the listing, never the notifier's identity), and the decision feed behind partner subscriptions.
 */
@ApplicationScoped
public class Transparency {

    public static final int CHUNK = 1_000;

    /** One statement as exported: the item's id is the platform-unique id of the decision. */
    public record ExportedStatement(UUID itemId, String platform, StatementOfReasons statement, String category,
            Instant contentDate, Instant applicationDate) {
    }

    private final Transactions tx;
    private final AuditStore audit;
    private final DecisionFeed feed;

    public Transparency(Transactions tx, AuditStore audit, DecisionFeed feed) {
        this.tx = tx;
        this.audit = audit;
        this.feed = feed;
    }

    /** Streams records in chunks of up to 1,000, by notice then sequence. Staff only. */
    public void exportAudit(Caller caller, List<String> noticeIds, Instant from, Instant to, String platform,
            Consumer<List<AuditRecord>> chunk) {
        caller.requireRole(Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
        if (noticeIds.isEmpty() && from == null && to == null) {
            throw DomainException.invalid("notice_ids", "FIELD_REQUIRED", "Export notice_ids, or a from/to range");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < noticeIds.size(); i++) {
            ids.add(UUID.fromString(Checks.id("notice_ids[" + i + "]", noticeIds.get(i))));
        }
        String scope = Visibility.reviewerPlatform(caller, platform.isEmpty() ? "" : Checks.platform("platform", platform));
        UUID afterNotice = null;
        long afterSeq = 0;
        while (true) {
            UUID n0 = afterNotice;
            long s0 = afterSeq;
            List<AuditRecord> page = tx.read(c -> audit.exportPage(c, ids, from, to, scope, n0, s0, CHUNK));
            if (!page.isEmpty()) {
                chunk.accept(page);
                AuditRecord last = page.get(page.size() - 1);
                afterNotice = UUID.fromString(last.noticeId());
                afterSeq = last.sequence();
            }
            if (page.size() < CHUNK) {
                return;
            }
        }
    }

    /** Statements of reasons decided in [from, to), by decision time, in chunks of up to 1,000. */
    public void exportStatements(Caller caller, Instant from, Instant to, String platform,
            Consumer<List<ExportedStatement>> chunk) {
        caller.requireRole(Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM, Caller.PLATFORM_PARTNER);
        if (from == null || to == null) {
            throw DomainException.invalid(from == null ? "from" : "to", "FIELD_REQUIRED", "from and to are required");
        }
        if (!to.isAfter(from)) {
            throw DomainException.invalid("to", "INVALID_DATE_RANGE", "to must be after from");
        }
        String scope = platform.isEmpty() ? "" : Checks.platform("platform", platform);
        if (caller.hasRole(Caller.PLATFORM_PARTNER) && !caller.isStaff() && !caller.hasRole(Caller.SYSTEM)) {
            caller.requireActsForPlatform(scope.isEmpty() ? String.valueOf(caller.platformId()) : scope);
            scope = caller.platformId().toLowerCase(java.util.Locale.ROOT);
        }
        scope = Visibility.reviewerPlatform(caller, scope);
        String platformScope = scope;
        Instant afterTime = from.minusNanos(1_000);
        UUID afterId = new UUID(0, 0);
        while (true) {
            Instant t0 = afterTime;
            UUID i0 = afterId;
            List<ExportedStatement> page = tx.read(c -> {
                List<ExportedStatement> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT i.id, n.platform, i.statement, i.decided_at, i.takedown_applied_at, i.listing_created_at,
                               n.right_type
                        FROM notice_item i JOIN notice n ON n.id = i.notice_id
                        WHERE i.decided_at >= ? AND i.decided_at < ? AND (i.decided_at, i.id) > (?, ?)
                          AND i.statement IS NOT NULL AND (? = '' OR n.platform = ?)
                        ORDER BY i.decided_at, i.id LIMIT ?""")) {
                    ps.setTimestamp(1, Sql.ts(from));
                    ps.setTimestamp(2, Sql.ts(to));
                    ps.setTimestamp(3, Sql.ts(t0));
                    ps.setObject(4, i0);
                    ps.setString(5, platformScope);
                    ps.setString(6, platformScope);
                    ps.setInt(7, CHUNK);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Instant decided = Sql.instant(rs, "decided_at");
                            Instant applied = Sql.instant(rs, "takedown_applied_at");
                            out.add(new ExportedStatement(Sql.uuid(rs, "id"), rs.getString("platform"),
                                    statement(rs.getBytes("statement")),
                                    "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
                                    Sql.instant(rs, "listing_created_at"), applied != null ? applied : decided));
                        }
                    }
                }
                return out;
            });
            if (!page.isEmpty()) {
                chunk.accept(page);
                ExportedStatement last = page.get(page.size() - 1);
                afterTime = io.cloudsword.kit.grpc.ProtoTime.fromProto(last.statement().getDecidedAt());
                afterId = last.itemId();
            }
            if (page.size() < CHUNK) {
                return;
            }
        }
    }

    /** The platform a caller may watch: a partner its own; staff and services any. */
    public String watchable(Caller caller, String platform) {
        String slug = Checks.platform("platform", platform);
        if (caller.hasRole(Caller.ADMIN) || caller.hasRole(Caller.SYSTEM)) {
            return slug;
        }
        if (caller.hasRole(Caller.REVIEWER)) {
            String scope = Visibility.reviewerPlatform(caller, slug);
            if (!scope.equals(slug)) {
                throw DomainException.forbidden("NOT_OWNER", "A reviewer of " + scope + " watches only its platform");
            }
            return slug;
        }
        caller.requireActsForPlatform(slug);
        return slug;
    }

    public List<DecisionFeed.Event> decisionsAfter(String platform, long afterSequence, int limit) {
        return tx.read(c -> feed.after(c, platform, afterSequence, limit));
    }

    public long latestDecision(String platform) {
        return tx.read(c -> feed.latest(c, platform));
    }

    static StatementOfReasons statement(byte[] bytes) {
        try {
            return bytes == null ? StatementOfReasons.getDefaultInstance() : StatementOfReasons.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored statement of reasons does not parse", e);
        }
    }
}
