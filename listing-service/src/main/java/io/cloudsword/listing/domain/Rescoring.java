package io.cloudsword.listing.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.listing.brand.BrandFacts;
import io.cloudsword.listing.repository.ListingStore;
import io.cloudsword.listing.repository.ShopStore;
import io.cloudsword.listing.repository.ShopStore.ShopFacts;
import io.cloudsword.listing.repository.ShopStore.ShopKey;
import io.cloudsword.listing.repository.SignalsJson;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.listing.scoring.BrandContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Scores stored listings again: one listing after a consumer report, or every listing of a brand
 * in a background job after the brand changed (a new authorized seller, a new MSRP). Jobs live in
 * the database: a request while one waits is coalesced into it, a job whose worker died is taken
 * over when its lease ends, and a job is safe to run twice (rescoring is idempotent).
 */
@ApplicationScoped
public class Rescoring {

    private static final Logger LOG = Logger.getLogger(Rescoring.class);
    static final Duration LEASE = Duration.ofSeconds(60);
    static final int PAGE = 500;

    /** The actor recorded on transitions caused by rescoring. */
    static final Caller RESCORER = new Caller("system:listing-service/rescoring", Set.of(Caller.SYSTEM), null, null, null);

    public enum JobStatus {
        PENDING, RUNNING, COMPLETED, FAILED
    }

    public record Job(UUID id, String brandId, JobStatus status, String reason, long total, long done, long changed,
            Instant createdAt, Instant completedAt, String failureReason) {
    }

    private final Transactions tx;
    private final ListingStore listings;
    private final ShopStore shops;
    private final BrandFacts brands;
    private final Ingestion ingestion;
    private final Clock clock;
    private final boolean workerEnabled;
    private ScheduledExecutorService worker;

    public Rescoring(Transactions tx, ListingStore listings, ShopStore shops, BrandFacts brands, Ingestion ingestion,
            Clock clock, @ConfigProperty(name = "cloudsword.rescoring.worker-enabled", defaultValue = "true") boolean workerEnabled) {
        this.tx = tx;
        this.listings = listings;
        this.shops = shops;
        this.brands = brands;
        this.ingestion = ingestion;
        this.clock = clock;
        this.workerEnabled = workerEnabled;
    }

    void start(@Observes StartupEvent event) {
        brands.onBrandChanged(brandId -> {
            try {
                request(RESCORER, brandId, "brand data changed in brand-registry");
            } catch (RuntimeException e) {
                LOG.warnf("Could not queue the rescoring of brand %s: %s", brandId, e.getMessage());
            }
        });
        if (workerEnabled) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rescoring-worker");
                t.setDaemon(true);
                return t;
            });
            worker.scheduleWithFixedDelay(this::runPending, 1, 1, TimeUnit.SECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    // ----- one listing

    /**
     * Rescores listings locked by the caller's transaction and stores what changed; answers how many
     * changed. A seller-removed listing keeps its state; a held one stays down.
     */
    int rescore(Connection c, List<StoredListing> locked, Caller actor, Instant now) throws SQLException {
        if (locked.isEmpty()) {
            return 0;
        }
        List<BrandContext> contexts = brands.contexts(locked.stream().map(l -> Ingestion.subject(l.data())).toList());
        Map<ShopKey, ShopFacts> shopFacts = shops.facts(c,
                locked.stream().map(l -> new ShopKey(l.data().platform(), l.data().shopId())).distinct().toList(), now);
        int changed = 0;
        List<ListingStore.Transition> transitions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE listing SET risk_score = ?, signals = ?::jsonb, brand_id = ?, mentioned_brand_ids = ?::uuid[],
                    scoring_version = ?, fingerprint = ?, scored_at = ?, state = ?, version = version + 1, updated_at = ?
                WHERE id = ?
                """)) {
            for (int i = 0; i < locked.size(); i++) {
                StoredListing l = locked.get(i);
                ShopFacts shop = shopFacts.getOrDefault(new ShopKey(l.data().platform(), l.data().shopId()), ShopFacts.NONE);
                Ingestion.Scored s = ingestion.score(l.data(), contexts.get(i), shop.liveStrikes(), l.consumerReports());
                // a seller-removed listing stays removed: only its seller's next ingest brings it back
                ListingStates.Decision decision = l.state() == ListingState.REMOVED_BY_SELLER
                        ? new ListingStates.Decision(l.state(), "")
                        : ListingStates.afterScoring(l.state(), s.score().flag(),
                                s.fingerprint().equals(l.flagClearedFingerprint()), l.takedownNoticeIds().size(), false,
                                s.score().score(), ingestion.flagThreshold());
                ListingState state = decision.state();
                String signals = SignalsJson.write(s.score().signals());
                boolean same = state == l.state() && s.score().score() == l.riskScore()
                        && s.score().signals().equals(l.signals()) && java.util.Objects.equals(s.score().brandId(), l.brandId())
                        && s.mentions().equals(l.mentionedBrandIds());
                if (same) {
                    continue;
                }
                changed++;
                ListingStore.bind(c, ps, s.score().score(), signals,
                        s.score().brandId() == null ? null : UUID.fromString(s.score().brandId()),
                        s.mentions().toArray(String[]::new), s.score().scoringVersion(), s.fingerprint(), now,
                        state.name(), now, l.id());
                ps.addBatch();
                if (state != l.state()) {
                    transitions.add(new ListingStore.Transition(UUID.fromString(Ids.newId()), l.id(), l.state(), state,
                            actor.subject(), Ingestion.role(actor), actor.ownerId(), actor.platformId(),
                            "rescored: " + decision.reason(), null, null, null, now));
                }
            }
            if (changed > 0) {
                ps.executeBatch();
            }
        }
        listings.insertTransitions(c, transitions);
        return changed;
    }

    // ----- jobs

    public record Requested(Job job, boolean created) {
    }

    public Requested request(Caller caller, String brandId, String reason) {
        caller.requireRole(Caller.SYSTEM, Caller.REVIEWER, Caller.ADMIN);
        UUID brand;
        try {
            brand = UUID.fromString(Checks.id("brand_id", brandId));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("brand_id", "INVALID_ID", "brand_id is not a brand id");
        }
        String why = Checks.optionalText("reason", reason, 1_000);
        Instant now = clock.instant();
        Requested r = tx.inTransaction(c -> {
            // The waiting job may be claimed between the insert that found it and the read: then
            // insert again, a new job is due anyway.
            for (int attempt = 0;; attempt++) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO rescore_job (id, brand_id, status, reason, created_at) VALUES (?, ?, 'PENDING', ?, ?)
                        ON CONFLICT (brand_id) WHERE status = 'PENDING' DO NOTHING
                        """)) {
                    ListingStore.bind(c, ps, UUID.fromString(Ids.newId()), brand, why, now);
                    boolean created = ps.executeUpdate() == 1;
                    List<Job> pending = jobs(c, "brand_id = ? AND status = 'PENDING'", brand);
                    if (!pending.isEmpty() || attempt == 3) {
                        return new Requested(pending.isEmpty() ? null : pending.get(0), created);
                    }
                }
            }
        });
        if (r.job() == null) {
            throw DomainException.aborted("brand_id", "CONCURRENT_UPDATE", "The rescoring queue changed meanwhile; retry");
        }
        if (worker != null) {
            worker.execute(this::runPending);
        }
        return r;
    }

    public Job get(Caller caller, String id) {
        caller.requireRole(Caller.SYSTEM, Caller.REVIEWER, Caller.ADMIN);
        UUID jobId;
        try {
            jobId = UUID.fromString(Checks.id("id", id));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("id", "INVALID_ID", "id is not a job id");
        }
        List<Job> found = tx.read(c -> jobs(c, "id = ?", jobId));
        if (found.isEmpty()) {
            throw DomainException.notFound("id", "RESCORE_JOB_NOT_FOUND", "No rescoring job " + id);
        }
        return found.get(0);
    }

    /** Runs every claimable job now; the worker thread calls it every second (tests call it directly). */
    public void runPending() {
        try {
            Job job;
            while ((job = claim()) != null) {
                run(job);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Rescoring paused: %s", e.getMessage());
        }
    }

    private Job claim() {
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE rescore_job SET status = 'RUNNING', started_at = coalesce(started_at, ?), lease_until = ?
                    WHERE id = (SELECT id FROM rescore_job
                                WHERE status = 'PENDING' OR (status = 'RUNNING' AND lease_until < ?)
                                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING id
                    """)) {
                ListingStore.bind(c, ps, now, now.plus(LEASE), now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? jobs(c, "id = ?", rs.getObject(1, UUID.class)).get(0) : null;
                }
            }
        });
    }

    private void run(Job job) {
        UUID brand = UUID.fromString(job.brandId());
        try {
            long total = tx.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM listing WHERE brand_id = ? OR mentioned_brand_ids @> ARRAY[?]::uuid[]")) {
                    ListingStore.bind(c, ps, brand, brand);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            updateJob(job.id(), "listings_total = ?", total);
            UUID after = new UUID(0, 0); // the smallest uuid as PostgreSQL orders them (unsigned bytes)
            while (true) {
                UUID from = after;
                Instant now = clock.instant();
                long[] page = tx.inTransaction(c -> {
                    List<StoredListing> rows = listings.query(c, "SELECT " + ListingStore.COLUMNS + """
                             FROM listing l WHERE (l.brand_id = ? OR l.mentioned_brand_ids @> ARRAY[?]::uuid[])
                               AND l.id > ? ORDER BY l.id LIMIT ? FOR UPDATE OF l
                            """, brand, brand, from, PAGE);
                    int changed = rescore(c, rows, RESCORER, now);
                    try (PreparedStatement ps = c.prepareStatement("""
                            UPDATE rescore_job SET listings_done = listings_done + ?, listings_changed = listings_changed + ?,
                                lease_until = ? WHERE id = ?
                            """)) {
                        ListingStore.bind(c, ps, (long) rows.size(), (long) changed, now.plus(LEASE), job.id());
                        ps.executeUpdate();
                    }
                    if (rows.isEmpty()) {
                        return null;
                    }
                    UUID last = rows.get(rows.size() - 1).id();
                    return new long[] { last.getMostSignificantBits(), last.getLeastSignificantBits(), rows.size() };
                });
                if (page == null || page[2] < PAGE) {
                    break;
                }
                after = new UUID(page[0], page[1]);
            }
            updateJob(job.id(), "status = 'COMPLETED', completed_at = ?", clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Rescoring job %s for brand %s failed: %s", job.id(), job.brandId(), e.getMessage());
            updateJob(job.id(), "status = 'FAILED', completed_at = ?, failure_reason = ?", clock.instant(),
                    String.valueOf(e.getMessage()));
        }
    }

    private void updateJob(UUID id, String set, Object... values) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rescore_job SET " + set + " WHERE id = ?")) {
                Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
                params[values.length] = id;
                ListingStore.bind(c, ps, params);
                return ps.executeUpdate();
            }
        });
    }

    private static List<Job> jobs(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, brand_id, status, reason, listings_total, listings_done, listings_changed, created_at,
                       completed_at, failure_reason FROM rescore_job WHERE """ + " " + where)) {
            ListingStore.bind(c, ps, params);
            List<Job> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp done = rs.getTimestamp("completed_at");
                    out.add(new Job(rs.getObject("id", UUID.class), rs.getObject("brand_id", UUID.class).toString(),
                            JobStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getLong("listings_total"),
                            rs.getLong("listings_done"), rs.getLong("listings_changed"),
                            rs.getTimestamp("created_at").toInstant(), done == null ? null : done.toInstant(),
                            rs.getString("failure_reason")));
                }
            }
            return out;
        }
    }
}
