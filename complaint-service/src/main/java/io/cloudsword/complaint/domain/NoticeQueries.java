package io.cloudsword.complaint.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.effects.RegistryClient;
import io.cloudsword.complaint.repository.AuditStore;
import io.cloudsword.complaint.repository.ConsumerReportStore;
import io.cloudsword.complaint.repository.NoticeStore;
import io.cloudsword.complaint.repository.RecordStore;
import io.cloudsword.complaint.repository.Sql;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;

/**
 * Lists and the audit trail: notices, the reviewer queue, counter-notices, appeals, consumer
 * reports and a notice's transitions, each with keyset cursors and narrowed to what the caller
 * may see (its own notices, its platform, or everything for staff).
 */
@ApplicationScoped
public class NoticeQueries {

    public record NoticeFilter(String platform, String notifierOwnerId, List<String> states, List<String> kinds,
            String listingId, String shopId, Instant receivedAfter, Instant receivedBefore) {
    }

    public record Listed<T>(List<T> items, String endCursor, boolean hasNextPage) {
    }

    /** One entry of the reviewer queue. */
    public record Task(String type, UUID noticeId, UUID appealId, NoticeKind kind, String platform, int pendingItems,
            Instant receivedAt, Instant decisionDueAt, String assignedReviewer, String excludedReviewer) {
    }

    private final Transactions tx;
    private final NoticeStore notices;
    private final RecordStore records;
    private final AuditStore audit;
    private final ConsumerReportStore reports;
    private final RegistryClient registry;

    public NoticeQueries(Transactions tx, NoticeStore notices, RecordStore records, AuditStore audit,
            ConsumerReportStore reports, RegistryClient registry) {
        this.tx = tx;
        this.notices = notices;
        this.records = records;
        this.audit = audit;
        this.reports = reports;
        this.registry = registry;
    }

    /** Newest first. */
    public Listed<Notice> list(Caller caller, NoticeFilter f, int first, String after) {
        Page page = Page.of(first, after, "notices", 2);
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> args = new ArrayList<>();
        narrow(caller, where, args, "n");
        if (!f.platform().isEmpty()) {
            where.append(" AND n.platform = ?");
            args.add(Checks.platform("platform", f.platform()));
        }
        if (!f.notifierOwnerId().isEmpty()) {
            where.append(" AND (n.notifier_owner_id = ? OR n.principal_owner_id = ?)");
            UUID owner = UUID.fromString(Checks.id("notifier_owner_id", f.notifierOwnerId()));
            args.add(owner);
            args.add(owner);
        }
        if (!f.states().isEmpty()) {
            where.append(" AND n.state = ANY(?)");
            args.add(f.states());
        }
        if (!f.kinds().isEmpty()) {
            where.append(" AND n.kind = ANY(?)");
            args.add(f.kinds());
        }
        if (!f.listingId().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM notice_item i WHERE i.notice_id = n.id AND i.listing_id = ?)");
            args.add(UUID.fromString(Checks.id("listing_id", f.listingId())));
        }
        if (!f.shopId().isEmpty()) {
            if (f.platform().isEmpty()) {
                throw DomainException.invalid("platform", "FIELD_REQUIRED", "shop_id is a shop of a platform: set platform");
            }
            where.append(" AND EXISTS (SELECT 1 FROM notice_item i WHERE i.notice_id = n.id AND i.shop_id = ?)");
            args.add(Checks.text("shop_id", f.shopId(), 128));
        }
        if (f.receivedAfter() != null) {
            where.append(" AND n.received_at > ?");
            args.add(f.receivedAfter());
        }
        if (f.receivedBefore() != null) {
            where.append(" AND n.received_at < ?");
            args.add(f.receivedBefore());
        }
        if (!page.first()) {
            where.append(" AND (n.received_at, n.id) < (?, ?)");
            args.add(micros(page.after().get(0), "page.after"));
            args.add(UUID.fromString(page.after().get(1)));
        }
        List<UUID> ids = tx.read(c -> {
            List<UUID> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT n.id FROM notice n WHERE " + where
                    + " ORDER BY n.received_at DESC, n.id DESC LIMIT " + (page.size() + 1))) {
                Sql.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Sql.uuid(rs, "id"));
                    }
                }
            }
            return out;
        });
        Page.Slice<UUID> slice = page.slice(ids);
        List<Notice> found = tx.read(c -> notices.load(c, slice.items(), false));
        Notice last = found.isEmpty() ? null : found.get(found.size() - 1);
        return new Listed<>(found, last == null ? "" : Page.cursor("notices", micros(last.receivedAt),
                last.id.toString()), slice.hasNextPage());
    }

    /**
     * Open notices (an item PENDING) and appeals waiting for a decision: trusted flaggers first,
     * then rights owners, then consumer reports; within each the earliest due first.
     */
    public Listed<Task> reviewQueue(Caller caller, String platform, List<String> types, List<String> kinds,
            boolean unassignedOrMine, int first, String after) {
        Visibility.requireReviewer(caller);
        Page page = Page.of(first, after, "review-queue", 3);
        String scope = Visibility.reviewerPlatform(caller, platform.isEmpty() ? "" : Checks.platform("platform", platform));
        boolean notices = types.isEmpty() || types.contains("NOTICE");
        boolean appeals = types.isEmpty() || types.contains("APPEAL");
        StringBuilder sql = new StringBuilder("SELECT * FROM (");
        List<Object> args = new ArrayList<>();
        String priority = "CASE n.kind WHEN 'TRUSTED_FLAGGER' THEN 0 WHEN 'RIGHTS_OWNER' THEN 1 ELSE 2 END";
        List<String> parts = new ArrayList<>();
        if (notices) {
            parts.add("SELECT 'NOTICE' AS type, n.id AS notice_id, NULL::uuid AS appeal_id, n.id AS task_id, n.kind, n.platform, "
                    + "(SELECT count(*) FROM notice_item i WHERE i.notice_id = n.id AND i.state = 'PENDING') AS pending, "
                    + "n.received_at, n.decision_due_at AS due, n.assigned_reviewer, '' AS excluded, " + priority
                    + " AS priority FROM notice n WHERE n.state IN ('RECEIVED', 'UNDER_REVIEW')"
                    + (scope.isEmpty() ? "" : " AND n.platform = ?")
                    + (unassignedOrMine ? " AND n.assigned_reviewer IN ('', ?)" : ""));
            if (!scope.isEmpty()) {
                args.add(scope);
            }
            if (unassignedOrMine) {
                args.add(caller.subject());
            }
        }
        if (appeals) {
            parts.add("SELECT 'APPEAL' AS type, a.notice_id AS notice_id, a.id AS appeal_id, a.id AS task_id, n.kind, "
                    + "n.platform, cardinality(a.item_ids) AS pending, a.filed_at AS received_at, a.decision_due_at AS due, "
                    + "'' AS assigned_reviewer, a.original_reviewer AS excluded, " + priority
                    + " AS priority FROM appeal a JOIN notice n ON n.id = a.notice_id WHERE a.state = 'FILED'"
                    + (scope.isEmpty() ? "" : " AND n.platform = ?")
                    + (unassignedOrMine ? " AND a.original_reviewer <> ?" : ""));
            if (!scope.isEmpty()) {
                args.add(scope);
            }
            if (unassignedOrMine) {
                args.add(caller.subject());
            }
        }
        if (parts.isEmpty()) {
            return new Listed<>(List.of(), "", false);
        }
        sql.append(String.join(" UNION ALL ", parts)).append(") q WHERE TRUE");
        if (!kinds.isEmpty()) {
            sql.append(" AND q.kind = ANY(?)");
            args.add(kinds);
        }
        if (!page.first()) {
            sql.append(" AND (q.priority, q.due, q.task_id) > (?, ?, ?)");
            args.add(Integer.parseInt(page.after().get(0)));
            args.add(micros(page.after().get(1), "page.after"));
            args.add(UUID.fromString(page.after().get(2)));
        }
        sql.append(" ORDER BY q.priority, q.due, q.task_id LIMIT ").append(page.size() + 1);
        List<Task> tasks = tx.read(c -> {
            List<Task> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Sql.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Task(rs.getString("type"), Sql.uuid(rs, "notice_id"), Sql.uuid(rs, "appeal_id"),
                                NoticeKind.valueOf(rs.getString("kind")), rs.getString("platform"), rs.getInt("pending"),
                                Sql.instant(rs, "received_at"), Sql.instant(rs, "due"), rs.getString("assigned_reviewer"),
                                rs.getString("excluded")));
                    }
                }
            }
            return out;
        });
        Page.Slice<Task> slice = page.slice(tasks);
        Task last = slice.last();
        return new Listed<>(slice.items(), last == null ? "" : Page.cursor("review-queue",
                Integer.toString(last.kind().priority), micros(last.decisionDueAt()),
                (last.appealId() != null ? last.appealId() : last.noticeId()).toString()), slice.hasNextPage());
    }

    public Listed<CounterNotice> counterNotices(Caller caller, String noticeId, String platform, String shopId,
            List<String> states, int first, String after) {
        Page page = Page.of(first, after, "counter-notices", 2);
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> args = new ArrayList<>();
        narrow(caller, where, args, "n");
        filterRecords(where, args, noticeId, platform);
        if (!shopId.isEmpty()) {
            where.append(" AND cn.shop_id = ?");
            args.add(shopId);
        }
        if (!states.isEmpty()) {
            where.append(" AND cn.state = ANY(?)");
            args.add(states);
        }
        keyset(page, where, args, "cn.received_at", "cn.id");
        List<CounterNotice> found = tx.read(c -> records.counterNotices(c, where.toString(), args, page.size() + 1));
        Page.Slice<CounterNotice> slice = page.slice(found);
        CounterNotice last = slice.last();
        return new Listed<>(slice.items(), last == null ? "" : Page.cursor("counter-notices", micros(last.receivedAt()),
                last.id().toString()), slice.hasNextPage());
    }

    public Listed<Appeal> appeals(Caller caller, String noticeId, String platform, List<String> states, int first,
            String after) {
        Page page = Page.of(first, after, "appeals", 2);
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> args = new ArrayList<>();
        narrow(caller, where, args, "n");
        filterRecords(where, args, noticeId, platform);
        if (!states.isEmpty()) {
            where.append(" AND a.state = ANY(?)");
            args.add(states);
        }
        keyset(page, where, args, "a.filed_at", "a.id");
        List<Appeal> found = tx.read(c -> records.appeals(c, where.toString(), args, page.size() + 1, false));
        Page.Slice<Appeal> slice = page.slice(found);
        Appeal last = slice.last();
        return new Listed<>(slice.items(), last == null ? "" : Page.cursor("appeals", micros(last.filedAt()),
                last.id().toString()), slice.hasNextPage());
    }

    /**
     * Reports with contact data: staff only. Newest first. A brand's code reports are those whose
     * GTIN lies under one of the brand's GS1 prefixes (asked of brand-registry).
     */
    public Listed<ConsumerReport> consumerReports(Caller caller, String platform, String listingExternalId,
            String brandId, List<String> statuses, int first, String after) {
        caller.requireRole(Caller.REVIEWER, Caller.ADMIN);
        Page page = Page.of(first, after, "consumer-reports", 2);
        List<String> gtinPrefixes = brandId.isEmpty() ? null
                : registry.brandPrefixes(brandId);
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> args = new ArrayList<>();
        if (!platform.isEmpty()) {
            where.append(" AND platform = ?");
            args.add(Checks.platform("platform", platform));
        }
        if (!listingExternalId.isEmpty()) {
            where.append(" AND listing_external_id = ?");
            args.add(listingExternalId);
        }
        if (gtinPrefixes != null) {
            // the GTIN-14 of a code report is the path segment after /01/; a brand's GS1 prefixes follow its leading 0
            where.append(" AND digital_link <> '' AND substring(digital_link from '/01/([0-9]+)') LIKE ANY(?)");
            List<String> patterns = new ArrayList<>();
            gtinPrefixes.forEach(p -> patterns.add("0" + p + "%"));
            patterns.add("\u0000"); // a brand without prefixes matches nothing
            args.add(patterns);
        }
        if (!statuses.isEmpty()) {
            where.append(" AND status = ANY(?)");
            args.add(statuses);
        }
        keyset(page, where, args, "created_at", "id");
        List<ConsumerReport> found = tx.read(c -> reports.list(c, where.toString(), args, page.size() + 1));
        Page.Slice<ConsumerReport> slice = page.slice(found);
        ConsumerReport last = slice.last();
        return new Listed<>(slice.items(), last == null ? "" : Page.cursor("consumer-reports", micros(last.createdAt()),
                last.id().toString()), slice.hasNextPage());
    }

    /** A notice's audit records, oldest first. */
    public Listed<AuditRecord> transitions(Caller caller, String noticeId, int first, String after) {
        Page page = Page.of(first, after, "transitions", 1);
        Notice n = visibleNotice(caller, noticeId);
        long afterSeq = page.first() ? 0 : Long.parseLong(page.after().get(0));
        List<AuditRecord> found = tx.read(c -> audit.page(c, n.id, afterSeq, page.size() + 1));
        Page.Slice<AuditRecord> slice = page.slice(found);
        AuditRecord last = slice.last();
        return new Listed<>(slice.items(), last == null ? "" : Page.cursor("transitions", Long.toString(last.sequence())),
                slice.hasNextPage());
    }

    /** Recomputes the chain: sequence without gaps, each prev_hash the previous hash, each hash recomputed. */
    public record Verification(boolean intact, long checked, Long firstBroken, String headHash) {
    }

    public Verification verify(Caller caller, String noticeId) {
        Notice n = visibleNotice(caller, noticeId);
        return tx.read(c -> {
            String prev = AuditRecord.GENESIS;
            long expected = 1;
            long checked = 0;
            while (true) {
                List<AuditRecord> batch = audit.page(c, n.id, expected - 1, 1_000);
                for (AuditRecord r : batch) {
                    checked++;
                    if (r.sequence() != expected || !r.prevHash().equals(prev) || !r.computeHash().equals(r.hash())) {
                        return new Verification(false, checked, expected, prev);
                    }
                    prev = r.hash();
                    expected++;
                }
                if (batch.size() < 1_000) {
                    // the notice's head must be the last record: records removed at the end show here
                    if (n.auditSequence != expected - 1 || !n.auditHead.equals(prev)) {
                        return new Verification(false, checked, expected, prev);
                    }
                    return new Verification(true, checked, null, prev);
                }
            }
        });
    }

    Notice visibleNotice(Caller caller, String noticeId) {
        UUID id = UUID.fromString(Checks.id("notice_id", noticeId));
        Notice n = tx.read(c -> notices.find(c, id)).orElse(null);
        if (n == null || !Visibility.maySee(caller, n)) {
            throw Notices.notFound(noticeId);
        }
        return n;
    }

    /** Limits a list to what the caller may see, in SQL. */
    static void narrow(Caller caller, StringBuilder where, List<Object> args, String n) {
        if (caller.hasRole(Caller.ADMIN) || caller.hasRole(Caller.SYSTEM)) {
            return;
        }
        if (caller.hasRole(Caller.REVIEWER)) {
            String scope = Visibility.reviewerPlatform(caller, "");
            if (!scope.isEmpty()) {
                where.append(" AND ").append(n).append(".platform = ?");
                args.add(scope);
            }
            return;
        }
        if (caller.hasRole(Caller.PLATFORM_PARTNER) && caller.platformId() != null) {
            where.append(" AND ").append(n).append(".platform = ?");
            args.add(caller.platformId().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        if (caller.hasRole(Caller.RIGHTS_OWNER) && caller.ownerId() != null) {
            UUID owner = UUID.fromString(caller.ownerId());
            where.append(" AND (").append(n).append(".notifier_owner_id = ? OR ").append(n)
                    .append(".principal_owner_id = ?)");
            args.add(owner);
            args.add(owner);
            return;
        }
        caller.requireRole(Caller.RIGHTS_OWNER, Caller.PLATFORM_PARTNER, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
        throw DomainException.forbidden("NOT_OWNER", "The token names no owner or platform to list for");
    }

    private static void filterRecords(StringBuilder where, List<Object> args, String noticeId, String platform) {
        if (!noticeId.isEmpty()) {
            where.append(" AND n.id = ?");
            args.add(UUID.fromString(Checks.id("notice_id", noticeId)));
        }
        if (!platform.isEmpty()) {
            where.append(" AND n.platform = ?");
            args.add(Checks.platform("platform", platform));
        }
    }

    private static void keyset(Page page, StringBuilder where, List<Object> args, String time, String id) {
        if (!page.first()) {
            where.append(" AND (").append(time).append(", ").append(id).append(") < (?, ?)");
            args.add(micros(page.after().get(0), "page.after"));
            args.add(UUID.fromString(page.after().get(1)));
        }
    }

    static String micros(Instant t) {
        return Long.toString(java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, t));
    }

    static Instant micros(String value, String field) {
        try {
            return Instant.EPOCH.plus(Long.parseLong(value), java.time.temporal.ChronoUnit.MICROS);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "INVALID_CURSOR", field + " is not a cursor of this list");
        }
    }
}
