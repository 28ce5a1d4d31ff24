package io.cloudsword.listing.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.listing.repository.ListingStore;
import io.cloudsword.kit.jdbc.Transactions;

/**
 * Takedowns and restores for notices, flag reviews and sellers' removals. Every method is
 * idempotent, because complaint-service delivers through an outbox at least once: a takedown is
 * keyed by (listing, notice) and a hold once recorded is never recorded again, even after its
 * release, so a late duplicate cannot take a restored listing down a second time.
 */
@ApplicationScoped
public class Moderation {

    public static final int MAX_BATCH = 300;

    /** A listing after a call, and whether the call changed anything. */
    public record Change(StoredListing listing, boolean changed) {
    }

    /** One takedown or restore of a batch. */
    public record HoldRequest(String listingId, String noticeId, Statement statement) {
    }

    /** One answer of a batch: the state after the call, or the item's own error. */
    public record ItemResult(String listingId, String noticeId, ListingState state, boolean changed,
            DomainException error) {
    }

    private final Transactions tx;
    private final ListingStore listings;
    private final Clock clock;

    public Moderation(Transactions tx, ListingStore listings, Clock clock) {
        this.tx = tx;
        this.listings = listings;
        this.clock = clock;
    }

    /** complaint-service (system), reviewers and admins take down and restore. */
    static void requireModerator(Caller caller) {
        caller.requireRole(Caller.SYSTEM, Caller.REVIEWER, Caller.ADMIN);
    }

    /** A reviewer whose token names a platform moderates that platform's listings only. */
    static void requireMayModerate(Caller caller, StoredListing listing) {
        requireMayModerate(caller, listing.data().platform());
    }

    static void requireMayModerate(Caller caller, String platform) {
        if (caller.hasRole(Caller.REVIEWER) && !caller.hasRole(Caller.ADMIN) && !caller.hasRole(Caller.SYSTEM)
                && caller.platformId() != null && !caller.platformId().equalsIgnoreCase(platform)) {
            throw DomainException.forbidden("NOT_OWNER", "A reviewer of " + caller.platformId()
                    + " may not moderate listings of " + platform);
        }
    }

    public Change takeDown(Caller caller, HoldRequest request) {
        requireModerator(caller);
        return tx.inTransaction(c -> takeDown(c, caller, request, clock.instant()));
    }

    /**
     * A batch of takedowns in one transaction and a handful of statements, whatever its size (the
     * outbox of complaint-service sends hundreds at a time): the listings are locked in id order,
     * the holds inserted at once (a hold that exists already changes nothing), live listings moved
     * to TAKEN_DOWN with their transitions, in a few statements. A malformed or unknown item
     * is answered with its own error; the others go through. The answers match {@link #takeDown}.
     */
    public List<ItemResult> takeDownAll(Caller caller, List<HoldRequest> requests) {
        requireModerator(caller);
        if (requests.size() > MAX_BATCH) {
            throw DomainException.invalid("requests", "TOO_MANY_ITEMS", "At most " + MAX_BATCH
                    + " items per call, got " + requests.size());
        }
        return tx.inTransaction(c -> takeDownBatch(c, caller, requests, clock.instant()));
    }

    private record Parsed(int index, UUID listing, String notice, Statement statement) {
    }

    private List<ItemResult> takeDownBatch(Connection c, Caller caller, List<HoldRequest> requests, Instant now)
            throws SQLException {
        ItemResult[] out = new ItemResult[requests.size()];
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            HoldRequest r = requests.get(i);
            try {
                parsed.add(new Parsed(i, listingId(r.listingId()), Checks.text("notice_id", r.noticeId(), 200),
                        Statement.require(r.statement(), "statement", "STATEMENT_DECISION_CONTENT_REMOVED",
                                "STATEMENT_DECISION_CONTENT_DISABLED")));
            } catch (DomainException e) {
                out[i] = new ItemResult(r.listingId(), r.noticeId(), null, false, e);
            }
        }
        UUID[] ids = parsed.stream().map(Parsed::listing).distinct().sorted().toArray(UUID[]::new);
        // only what the rules read: a batch answers with states, not whole listings
        Map<UUID, Locked> locked = lockStates(c, ids);
        List<Parsed> holds = new ArrayList<>();
        for (Parsed p : parsed) {
            Locked l = locked.get(p.listing());
            try {
                if (l == null) {
                    throw DomainException.notFound("listing_id", "LISTING_NOT_FOUND", "No listing with id " + p.listing());
                }
                requireMayModerate(caller, l.platform());
                holds.add(p);
            } catch (DomainException e) {
                out[p.index()] = new ItemResult(requests.get(p.index()).listingId(), p.notice(), null, false, e);
            }
        }
        Set<String> inserted = insertHolds(c, holds, now);
        // a new hold takes a live listing down (the first of the batch does), or only touches it
        Set<UUID> movedDown = new LinkedHashSet<>();
        Set<UUID> touched = new LinkedHashSet<>();
        Set<Integer> changed = new HashSet<>();
        List<ListingStore.Transition> transitions = new ArrayList<>();
        for (Parsed p : holds) {
            if (!inserted.remove(p.listing() + "|" + p.notice())) {
                continue; // the hold existed before, or repeats one of this batch
            }
            changed.add(p.index());
            Locked l = locked.get(p.listing());
            if (l.state().live() && movedDown.add(l.id())) {
                transitions.add(new ListingStore.Transition(UUID.fromString(Ids.newId()), l.id(), l.state(),
                        ListingState.TAKEN_DOWN, caller.subject(), Ingestion.role(caller), caller.ownerId(),
                        caller.platformId(), "taken down for notice " + p.notice(), p.notice(), null,
                        p.statement().json(), now));
            } else {
                touched.add(l.id());
            }
        }
        touched.removeAll(movedDown);
        updateMany(c, "UPDATE listing SET state = 'TAKEN_DOWN', version = version + 1, updated_at = ? WHERE id = ANY(?)",
                movedDown, now);
        listings.insertTransitions(c, transitions);
        updateMany(c, "UPDATE listing SET version = version + 1, updated_at = ? WHERE id = ANY(?)", touched, now);
        for (Parsed p : holds) {
            Locked l = locked.get(p.listing());
            ListingState state = movedDown.contains(l.id()) ? ListingState.TAKEN_DOWN : l.state();
            out[p.index()] = new ItemResult(l.id().toString(), p.notice(), state, changed.contains(p.index()), null);
        }
        return List.of(out);
    }

    /** A locked listing's platform and state. */
    private record Locked(UUID id, String platform, ListingState state) {
    }

    private static Map<UUID, Locked> lockStates(Connection c, UUID[] ids) throws SQLException {
        Map<UUID, Locked> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, platform, state FROM listing WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    out.put(id, new Locked(id, rs.getString(2), ListingState.valueOf(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /** Inserts the holds that do not exist yet; returns "listing|notice" of those inserted. */
    private static Set<String> insertHolds(Connection c, List<Parsed> holds, Instant now) throws SQLException {
        Set<String> inserted = new HashSet<>();
        if (holds.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO listing_hold (listing_id, notice_id, statement, "
                + "created_at) SELECT l, n, s::jsonb, ? FROM unnest(?::uuid[], ?::text[], ?::text[]) AS t(l, n, s) "
                + "ON CONFLICT (listing_id, notice_id) DO NOTHING RETURNING listing_id, notice_id")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("uuid", holds.stream().map(Parsed::listing).toArray()));
            ps.setArray(3, c.createArrayOf("text", holds.stream().map(Parsed::notice).toArray()));
            ps.setArray(4, c.createArrayOf("text", holds.stream().map(p -> p.statement().json()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1) + "|" + rs.getString(2));
                }
            }
        }
        return inserted;
    }

    private static void updateMany(Connection c, String sql, Set<UUID> ids, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        }
    }

    public Change restore(Caller caller, HoldRequest request) {
        requireModerator(caller);
        return tx.inTransaction(c -> restore(c, caller, request, clock.instant()));
    }

    public List<ItemResult> restoreAll(Caller caller, List<HoldRequest> requests) {
        requireModerator(caller);
        return batch(requests, (c, r, now) -> restore(c, caller, r, now));
    }

    private interface ItemWork {
        Change run(Connection c, HoldRequest request, Instant now) throws SQLException;
    }

    /** One transaction for the batch, items in listing-id order (no deadlock), answers in request order. */
    private List<ItemResult> batch(List<HoldRequest> requests, ItemWork work) {
        if (requests.size() > MAX_BATCH) {
            throw DomainException.invalid("requests", "TOO_MANY_ITEMS", "At most " + MAX_BATCH
                    + " items per call, got " + requests.size());
        }
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            ItemResult[] out = new ItemResult[requests.size()];
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing(i -> String.valueOf(requests.get(i).listingId())));
            for (int i : order) {
                HoldRequest r = requests.get(i);
                try (var savepoint = new Savepoint(c)) {
                    Change change = work.run(c, r, now);
                    savepoint.release();
                    out[i] = new ItemResult(change.listing().id().toString(), r.noticeId(), change.listing().state(),
                            change.changed(), null);
                } catch (DomainException e) {
                    out[i] = new ItemResult(r.listingId(), r.noticeId(), null, false, e);
                }
            }
            return List.of(out);
        });
    }

    /** Rolls an item back alone when it is refused, keeping the batch's other items. */
    private static final class Savepoint implements AutoCloseable {
        private final Connection c;
        private final java.sql.Savepoint point;
        private boolean released;

        Savepoint(Connection c) throws SQLException {
            this.c = c;
            this.point = c.setSavepoint();
        }

        void release() throws SQLException {
            c.releaseSavepoint(point);
            released = true;
        }

        @Override
        public void close() throws SQLException {
            if (!released) {
                c.rollback(point);
            }
        }
    }

    private Change takeDown(Connection c, Caller caller, HoldRequest r, Instant now) throws SQLException {
        UUID id = listingId(r.listingId());
        String notice = Checks.text("notice_id", r.noticeId(), 200);
        Statement statement = Statement.require(r.statement(), "statement", "STATEMENT_DECISION_CONTENT_REMOVED",
                "STATEMENT_DECISION_CONTENT_DISABLED");
        StoredListing l = lock(c, id);
        requireMayModerate(caller, l);
        int inserted;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO listing_hold (listing_id, notice_id, statement, created_at) VALUES (?, ?, ?::jsonb, ?)
                ON CONFLICT (listing_id, notice_id) DO NOTHING
                """)) {
            ps.setObject(1, id);
            ps.setString(2, notice);
            ps.setString(3, statement.json());
            ps.setTimestamp(4, Timestamp.from(now));
            inserted = ps.executeUpdate();
        }
        if (inserted == 0) {
            return new Change(l, false);
        }
        if (l.state().live()) {
            setState(c, caller, l, ListingState.TAKEN_DOWN, "taken down for notice " + notice, notice, null,
                    statement.json(), now);
        } else {
            touch(c, id, now); // held by one more notice; a seller-removed listing keeps its state
        }
        return new Change(listings.find(c, id, false), true);
    }

    private Change restore(Connection c, Caller caller, HoldRequest r, Instant now) throws SQLException {
        UUID id = listingId(r.listingId());
        String notice = Checks.text("notice_id", r.noticeId(), 200);
        Statement statement = Statement.require(r.statement(), "statement", "STATEMENT_DECISION_CONTENT_RESTORED");
        StoredListing l = lock(c, id);
        requireMayModerate(caller, l);
        int released;
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE listing_hold SET released_at = ?, release_statement = ?::jsonb
                WHERE listing_id = ? AND notice_id = ? AND released_at IS NULL
                """)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, statement.json());
            ps.setObject(3, id);
            ps.setString(4, notice);
            released = ps.executeUpdate();
        }
        if (released == 0) {
            return new Change(l, false);
        }
        boolean otherHolds = l.takedownNoticeIds().stream().anyMatch(n -> !n.equals(notice));
        if (l.state() == ListingState.TAKEN_DOWN && !otherHolds && !l.heldByShopSuspension()) {
            setState(c, caller, l, ListingState.RESTORED, "restored: the hold of notice " + notice + " was released",
                    notice, null, statement.json(), now);
        } else {
            touch(c, id, now);
        }
        return new Change(listings.find(c, id, false), true);
    }

    /** A reviewer dismisses the automatic flag; it comes back only when content or signals change. */
    public Change clearFlag(Caller caller, String listingId, String reason) {
        caller.requireRole(Caller.REVIEWER, Caller.ADMIN);
        UUID id = listingId(listingId);
        String why = Checks.text("reason", reason, 2_000);
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            StoredListing l = lock(c, id);
            requireMayModerate(caller, l);
            if (l.state() != ListingState.FLAGGED) {
                if (l.state().live() && l.fingerprint().equals(l.flagClearedFingerprint())) {
                    return new Change(l, false);
                }
                throw DomainException.failedPrecondition("listing_id", "INVALID_STATE_TRANSITION",
                        "Only a FLAGGED listing's flag can be cleared; this one is " + l.state());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE listing SET flag_cleared_fingerprint = fingerprint WHERE id = ?")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
            setState(c, caller, l, ListingState.ACTIVE, "flag cleared by a reviewer: " + why, null, null, null, now);
            return new Change(listings.find(c, id, false), true);
        });
    }

    /** The platform reports the seller removed the listing. Idempotent. */
    public Change removedBySeller(Caller caller, UUID id, Instant removedAt) {
        caller.requireRole(Caller.PLATFORM_PARTNER, Caller.ADMIN);
        return tx.inTransaction(c -> {
            Instant now = clock.instant();
            StoredListing l = lock(c, id);
            caller.requireActsForPlatform(l.data().platform());
            if (l.state() == ListingState.REMOVED_BY_SELLER) {
                return new Change(l, false);
            }
            setState(c, caller, l, ListingState.REMOVED_BY_SELLER, "removed by the seller", null, null, null, now);
            try (PreparedStatement ps = c.prepareStatement("UPDATE listing SET removed_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(removedAt == null ? now : removedAt));
                ps.setObject(2, id);
                ps.executeUpdate();
            }
            return new Change(listings.find(c, id, false), true);
        });
    }

    private StoredListing lock(Connection c, UUID id) throws SQLException {
        StoredListing l = listings.find(c, id, true);
        if (l == null) {
            throw DomainException.notFound("listing_id", "LISTING_NOT_FOUND", "No listing with id " + id);
        }
        return l;
    }

    static UUID listingId(String id) {
        try {
            return UUID.fromString(Checks.id("listing_id", id));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("listing_id", "INVALID_ID", "listing_id is not a listing id");
        }
    }

    /** Moves a listing to a state and records the transition with who, why and the statement. */
    void setState(Connection c, Caller caller, StoredListing l, ListingState to, String reason, String noticeId,
            UUID strikeId, String statementJson, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE listing SET state = ?, version = version + 1, updated_at = ? WHERE id = ?")) {
            ps.setString(1, to.name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setObject(3, l.id());
            ps.executeUpdate();
        }
        listings.insertTransitions(c, List.of(new ListingStore.Transition(UUID.fromString(Ids.newId()), l.id(),
                l.state(), to, caller.subject(), Ingestion.role(caller), caller.ownerId(), caller.platformId(), reason,
                noticeId, strikeId, statementJson, now)));
    }

    private static void touch(Connection c, UUID id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE listing SET version = version + 1, updated_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }
}
