package io.cloudsword.listing.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.listing.repository.ListingStore;
import io.cloudsword.kit.jdbc.Transactions;

/**
 * Consumer reports forwarded by complaint-service: each live report adds to the listing's
 * CONSUMER_REPORTS signal and the listing is rescored at once. A report never takes anything
 * down by itself; at most it flags the listing for review. Idempotent per report id.
 */
@ApplicationScoped
public class ConsumerReports {

    private final Transactions tx;
    private final ListingStore listings;
    private final ListingQueries queries;
    private final Rescoring rescoring;
    private final Clock clock;

    public ConsumerReports(Transactions tx, ListingStore listings, ListingQueries queries, Rescoring rescoring,
            Clock clock) {
        this.tx = tx;
        this.listings = listings;
        this.queries = queries;
        this.rescoring = rescoring;
        this.clock = clock;
    }

    public Moderation.Change record(Caller caller, ListingQueries.Key key, String reportId, String reason,
            Instant reportedAt, boolean dismissed) {
        caller.requireRole(Caller.SYSTEM, Caller.ADMIN);
        String report = Checks.text("report_id", reportId, 200);
        String why = Checks.optionalText("reason", reason, 1_000);
        ListingQueries.Lookup found = queries.batchGet(caller, List.of(key)).get(0);
        if (found.error() != null) {
            throw found.error();
        }
        if (found.listing() == null) {
            throw DomainException.notFound("listing", "LISTING_NOT_FOUND", "No such listing");
        }
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            StoredListing l = listings.find(c, found.listing().id(), true);
            int changed;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO consumer_report AS r (report_id, listing_id, reason, reported_at, dismissed, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (report_id) DO UPDATE SET dismissed = excluded.dismissed, updated_at = excluded.updated_at
                    WHERE r.dismissed IS DISTINCT FROM excluded.dismissed AND r.listing_id = excluded.listing_id
                    """)) {
                ListingStore.bind(c, ps, report, l.id(), why, reportedAt == null ? now : reportedAt, dismissed, now);
                changed = ps.executeUpdate();
            }
            if (changed == 0) {
                return new Moderation.Change(l, false);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE listing SET version = version + 1, consumer_reports =
                        (SELECT count(*) FROM consumer_report WHERE listing_id = ? AND NOT dismissed)
                    WHERE id = ? RETURNING consumer_reports
                    """)) {
                ListingStore.bind(c, ps, l.id(), l.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            rescoring.rescore(c, List.of(listings.find(c, l.id(), true)), Rescoring.RESCORER, now);
            return new Moderation.Change(listings.find(c, l.id(), false), true);
        });
    }
}
