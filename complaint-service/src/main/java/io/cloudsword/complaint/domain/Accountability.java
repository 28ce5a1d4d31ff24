package io.cloudsword.complaint.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.config.NoticeSettings;
import io.cloudsword.complaint.repository.Sql;
import io.cloudsword.complaint.repository.StandingStore;
import io.cloudsword.complaint.repository.StandingStore.Standing;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/**
 * Notifier accountability and the decision SLA: acceptance, takedown success and successful
 * counter-notices per notifier over rolling 3- and 6-month windows, the good-faith status that
 * follows from them ({@link GoodFaith}), abuse marks, suspension from filing, and time to
 * decision (p50/p95) per notifier, platform or overall.
 */
@ApplicationScoped
public class Accountability {

    public record Latency(long decided, long p50Millis, long p95Millis, double within24h) {
    }

    public record WindowStats(Instant from, Instant to, long notices, long itemsDecided, long itemsAccepted,
            double acceptanceRate, double takedownSuccessRate, long counterNotices, long counterNoticesSucceeded,
            double successfulCounterNoticeRate, long manifestlyUnfounded, long malicious, Latency latency) {
        GoodFaith.Window rule() {
            return new GoodFaith.Window(itemsDecided, itemsAccepted, acceptanceRate, takedownSuccessRate,
                    successfulCounterNoticeRate);
        }
    }

    public record NotifierStats(String ownerId, Instant asOf, WindowStats last3Months, WindowStats last6Months,
            GoodFaith.Status goodFaith, boolean suspended, Instant suspendedUntil, long totalNotices,
            long totalMalicious) {
    }

    public record Sla(Latency overall, long overdue) {
    }

    private final Transactions tx;
    private final StandingStore standings;
    private final NoticeSettings settings;
    private final Clock clock;

    public Accountability(Transactions tx, StandingStore standings, NoticeSettings settings, Clock clock) {
        this.tx = tx;
        this.standings = standings;
        this.settings = settings;
        this.clock = clock;
    }

    /** Up to 500 notifiers, in request order. A notifier sees its own; staff and services any. */
    public List<NotifierStats> stats(Caller caller, List<String> ownerIds, Instant asOf) {
        if (ownerIds.size() > 500) {
            throw DomainException.invalid("notifier_owner_ids", "TOO_MANY_ITEMS", "At most 500 notifiers per call");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < ownerIds.size(); i++) {
            String field = ownerIds.size() == 1 ? "notifier_owner_id" : "notifier_owner_ids[" + i + "]";
            UUID id = UUID.fromString(Checks.id(field, Checks.text(field, ownerIds.get(i), 64)));
            if (!caller.hasRole(Caller.SYSTEM)) {
                caller.requireActsFor(id);
            }
            ids.add(id);
        }
        boolean now = asOf == null;
        Instant at = now ? clock.instant() : asOf;
        List<NotifierStats> out = new ArrayList<>();
        for (UUID id : ids) {
            out.add(tx.inTransaction(c -> stats(c, id, at, now)));
        }
        return out;
    }

    private NotifierStats stats(Connection c, UUID owner, Instant at, boolean persist) throws SQLException {
        Instant from3 = at.atZone(ZoneOffset.UTC).minusMonths(3).toInstant();
        Instant from6 = at.atZone(ZoneOffset.UTC).minusMonths(6).toInstant();
        WindowStats last3 = window(c, owner, from3, at);
        WindowStats last6 = window(c, owner, from6, at);
        Standing stored = standings.find(c, owner, persist).orElse(Standing.none(owner));
        GoodFaith.Status before = new GoodFaith.Status(stored.goodFaithStatus(), stored.goodFaithSince(),
                stored.excludedUntil());
        GoodFaith.Status after = GoodFaith.evaluate(before, last3.rule(), last6.rule(), at,
                settings.goodFaithMinimumDecided());
        if (persist && !after.equals(before)) {
            standings.save(c, new Standing(owner, after.status(), after.since(), after.excludedUntil(),
                    stored.suspendedUntil()), at);
        }
        long[] totals = longs(c, """
                SELECT (SELECT count(*) FROM notice WHERE notifier_owner_id = ? AND received_at < ?),
                       (SELECT count(*) FROM notice_abuse_mark m JOIN notice n ON n.id = m.notice_id
                         WHERE n.notifier_owner_id = ? AND m.kind = 'MALICIOUS' AND m.marked_at < ?)""",
                owner, at, owner, at);
        return new NotifierStats(owner.toString(), at, last3, last6, after, stored.suspendedAt(at),
                stored.suspendedAt(at) ? stored.suspendedUntil() : null, totals[0], totals[1]);
    }

    private WindowStats window(Connection c, UUID owner, Instant from, Instant to) throws SQLException {
        long[] items = longs(c, """
                SELECT count(*),
                       count(*) FILTER (WHERE i.state <> 'REJECTED'),
                       count(*) FILTER (WHERE i.state <> 'REJECTED' AND i.restored_by IN ('COUNTER_NOTICE', 'APPEAL'))
                FROM notice_item i JOIN notice n ON n.id = i.notice_id
                WHERE n.notifier_owner_id = ? AND i.decided_at >= ? AND i.decided_at < ?""", owner, from, to);
        long[] counts = longs(c, """
                SELECT (SELECT count(*) FROM notice WHERE notifier_owner_id = ? AND received_at >= ? AND received_at < ?),
                       (SELECT count(*) FROM counter_notice cn JOIN notice n ON n.id = cn.notice_id
                         WHERE n.notifier_owner_id = ? AND cn.received_at >= ? AND cn.received_at < ?),
                       (SELECT count(*) FROM counter_notice cn JOIN notice n ON n.id = cn.notice_id
                         WHERE n.notifier_owner_id = ? AND cn.received_at >= ? AND cn.received_at < ?
                           AND cn.state = 'SUCCEEDED'),
                       (SELECT count(*) FROM notice_abuse_mark m JOIN notice n ON n.id = m.notice_id
                         WHERE n.notifier_owner_id = ? AND m.kind = 'MANIFESTLY_UNFOUNDED' AND m.marked_at >= ?
                           AND m.marked_at < ?),
                       (SELECT count(*) FROM notice_abuse_mark m JOIN notice n ON n.id = m.notice_id
                         WHERE n.notifier_owner_id = ? AND m.kind = 'MALICIOUS' AND m.marked_at >= ? AND m.marked_at < ?)""",
                owner, from, to, owner, from, to, owner, from, to, owner, from, to, owner, from, to);
        long decided = items[0];
        long accepted = items[1];
        long reversed = items[2];
        return new WindowStats(from, to, counts[0], decided, accepted, ratio(accepted, decided),
                accepted == 0 ? 0 : ratio(accepted - reversed, accepted), counts[1], counts[2],
                ratio(counts[2], accepted), counts[3], counts[4],
                latency(c, "n.notifier_owner_id = ? AND n.decided_at >= ? AND n.decided_at < ?", List.of(owner, from, to)));
    }

    /** Time to decision of notices received in [from, to), overall or narrowed; and how many are overdue at {@code to}. */
    public Sla sla(Caller caller, Instant from, Instant to, String platform, String notifierOwnerId, List<String> kinds) {
        caller.requireRole(Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM, Caller.PLATFORM_PARTNER, Caller.RIGHTS_OWNER);
        if (from == null || to == null) {
            throw DomainException.invalid(from == null ? "from" : "to", "FIELD_REQUIRED", "from and to are required");
        }
        if (!to.isAfter(from)) {
            throw DomainException.invalid("to", "INVALID_DATE_RANGE", "to must be after from");
        }
        StringBuilder where = new StringBuilder("n.received_at >= ? AND n.received_at < ?");
        List<Object> args = new ArrayList<>(List.of(from, to));
        NoticeQueries.narrow(caller, where, args, "n");
        if (!platform.isEmpty()) {
            where.append(" AND n.platform = ?");
            args.add(Checks.platform("platform", platform));
        }
        if (!notifierOwnerId.isEmpty()) {
            where.append(" AND n.notifier_owner_id = ?");
            args.add(UUID.fromString(Checks.id("notifier_owner_id", notifierOwnerId)));
        }
        if (!kinds.isEmpty()) {
            where.append(" AND n.kind = ANY(?)");
            args.add(kinds);
        }
        return tx.read(c -> {
            Latency overall = latency(c, where + " AND n.decided_at IS NOT NULL", args);
            List<Object> overdueArgs = new ArrayList<>(args);
            overdueArgs.add(to);
            overdueArgs.add(to);
            long overdue = count(c, "SELECT count(*) FROM notice n WHERE " + where
                    + " AND (n.decided_at IS NULL OR n.decided_at > ?) AND n.decision_due_at < ?", overdueArgs);
            return new Sla(overall, overdue);
        });
    }

    private static Latency latency(Connection c, String where, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*),
                       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d) * 1000), 0),
                       coalesce(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM d) * 1000), 0),
                       count(*) FILTER (WHERE d <= interval '24 hours')
                FROM (SELECT n.decided_at - n.received_at AS d FROM notice n WHERE
                """ + " " + where + ") x")) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                return new Latency(n, Math.round(rs.getDouble(2)), Math.round(rs.getDouble(3)), ratio(rs.getLong(4), n));
            }
        }
    }

    private static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long[] longs(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, List.of(args));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] out = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getLong(i + 1);
                }
                return out;
            }
        }
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

}
