package io.cloudsword.complaint.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingKey;
import io.cloudsword.api.listing.v1.RecordConsumerReportRequest;
import io.cloudsword.complaint.config.NoticeSettings;
import io.cloudsword.complaint.domain.AuditRecord.Subject;
import io.cloudsword.complaint.repository.ConsumerReportStore;
import io.cloudsword.complaint.repository.NoticeStore;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.ProtoTime;

/**
 * Consumer reports. Anyone may report, anonymously too, within a rate limit per client key. A
 * listing report becomes a CONSUMER_REPORT notice in the review queue (last in line) and a
 * signal in the listing's risk score (through the outbox); it never takes anything down by
 * itself: only a reviewer's decision on its notice does. A code report waits for the code's
 * brand owner and closes by hand.
 */
@ApplicationScoped
public class ConsumerReports {

    private final Transactions tx;
    private final ConsumerReportStore reports;
    private final NoticeStore notices;
    private final Notices noticeRules;
    private final Workflow workflow;
    private final NoticeSettings settings;
    private final Clock clock;
    private final int perClientLimit;
    private final Duration window;
    private static final int MAX_TRACKED_CLIENTS = 10_000;
    /** Recent anonymous submissions per client key (in this replica; a limit, not an account). */
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    @Inject
    public ConsumerReports(Transactions tx, ConsumerReportStore reports, NoticeStore notices, Notices noticeRules,
            Workflow workflow, NoticeSettings settings, Clock clock,
            @ConfigProperty(name = "cloudsword.consumer-reports.per-client-limit", defaultValue = "20") int perClientLimit,
            @ConfigProperty(name = "cloudsword.consumer-reports.window", defaultValue = "PT1H") Duration window) {
        this.tx = tx;
        this.reports = reports;
        this.notices = notices;
        this.noticeRules = noticeRules;
        this.workflow = workflow;
        this.settings = settings;
        this.clock = clock;
        this.perClientLimit = perClientLimit;
        this.window = window;
    }

    public ConsumerReport submit(Caller caller, String clientKey, NewConsumerReport request, String idempotencyKey) {
        NewConsumerReport in = request.validated();
        String key = Checks.optionalText("idempotency_key", idempotencyKey, 200);
        if (!key.isEmpty()) {
            Optional<ConsumerReport> earlier = tx.read(c -> reports.byIdempotencyKey(c, key));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = clock.instant();
        if (caller.anonymous()) {
            admit(clientKey, now);
        }
        boolean listingReport = in.digitalLink().isEmpty();
        Listing listing = listingReport ? reportedListing(in) : null;
        UUID id = UUID.fromString(Ids.newId());
        UUID noticeId = listingReport ? UUID.fromString(Ids.newId()) : null;
        ConsumerReport report = new ConsumerReport(id, in.platform(), in.listingExternalId(), in.reason(),
                in.contactEmail(), listingReport ? "IN_REVIEW" : "RECEIVED", now,
                listing == null ? null : UUID.fromString(listing.getId()), in.digitalLink(), in.purchaseCountry(),
                noticeId, "", now);
        return tx.inTransaction(c -> {
            if (!key.isEmpty()) {
                Optional<ConsumerReport> raced = reports.byIdempotencyKey(c, key);
                if (raced.isPresent()) {
                    return raced.get();
                }
            }
            reports.insert(c, report, key.isEmpty() ? null : key);
            if (listingReport) {
                Notice n = reportNotice(report, noticeId, listing, now);
                notices.insert(c, n, id.toString(), "");
                Change change = workflow.begin(n, Notices.actor(caller), now);
                change.record(Subject.NOTICE, "", "", NoticeState.RECEIVED.name(), "CONSUMER_REPORT_RECEIVED",
                        Map.of("consumer_report_id", id.toString()));
                change.effect(Effect.recordConsumerReport(noticeId, RecordConsumerReportRequest.newBuilder()
                        .setListing(ListingKey.newBuilder().setId(listing.getId())).setReportId(id.toString())
                        .setReason(in.reason().length() > 200 ? in.reason().substring(0, 200) : in.reason())
                        .setReportedAt(ProtoTime.toProto(now)).build()));
                workflow.save(c, change);
            }
            return report;
        });
    }

    /** The reported listing, or NOT_FOUND / LISTING_NOT_FOUND on listing_external_id. */
    private Listing reportedListing(NewConsumerReport in) {
        try {
            return noticeRules.resolve(in.platform(), List.of(new NewNotice.ListingReference("", in.listingExternalId())))
                    .get(0);
        } catch (DomainException e) {
            if (!"LISTING_NOT_FOUND".equals(e.reason())) {
                throw e;
            }
            throw DomainException.notFound("listing_external_id", "LISTING_NOT_FOUND", "No listing "
                    + in.listingExternalId() + " on platform " + in.platform());
        }
    }

    private Notice reportNotice(ConsumerReport r, UUID noticeId, Listing listing, Instant now) {
        Notice n = new Notice();
        n.id = noticeId;
        n.filedBy = "consumer-report";
        n.kind = NoticeKind.CONSUMER_REPORT;
        n.state = NoticeState.RECEIVED;
        n.platform = r.platform();
        n.jurisdiction = settings.platformJurisdiction().getOrDefault(r.platform(), settings.defaultJurisdiction());
        n.notifier = new Notice.Notifier(null, r.contactEmail().isEmpty() ? "Anonymous consumer" : "Consumer",
                r.contactEmail(), "", null, null, false);
        n.right = new Notice.Right("NONE", null, null, "", "", "");
        n.explanation = r.reason();
        n.statements = new Notice.Statements(false, false, false, "");
        n.consumerReportId = r.id();
        n.receivedAt = now;
        n.decisionDueAt = now.plus(settings.consumerReportDecisionTime());
        n.updatedAt = now;
        n.items.add(Notices.newItem(n, 0, "", r.listingExternalId(), listing));
        return n;
    }

    /** Sliding window per client key: RESOURCE_EXHAUSTED / RATE_LIMITED beyond the limit. */
    private void admit(String clientKey, Instant now) {
        if (recent.size() > MAX_TRACKED_CLIENTS) {
            forgetQuietClients(now.minus(window));
        }
        Deque<Instant> times = recent.computeIfAbsent(clientKey, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant since = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= perClientLimit) {
                long retry = Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
                throw DomainException.exhausted("RATE_LIMITED", "At most " + perClientLimit
                        + " anonymous reports per " + window.toMinutes() + " minutes from one client; retry in " + retry
                        + " s");
            }
            times.addLast(now);
        }
    }

    /** Clients with nothing inside the window no longer need their entry (the map stays bounded by traffic). */
    private void forgetQuietClients(Instant since) {
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Instant last = e.getValue().peekLast();
                return last == null || !last.isAfter(since);
            }
        });
    }

    /**
     * Anyone holding a report's id (an unguessable UUID, given only to its reporter) reads its
     * status and outcome; the reporter's email only reviewers and admins see.
     */
    public ConsumerReport get(Caller caller, String id) {
        UUID reportId = UUID.fromString(Checks.id("id", id));
        ConsumerReport r = tx.read(c -> reports.find(c, reportId)).orElseThrow(() -> DomainException.notFound("id",
                "REPORT_NOT_FOUND", "No consumer report with id " + id));
        if (caller.isStaff()) {
            return r;
        }
        return new ConsumerReport(r.id(), r.platform(), r.listingExternalId(), r.reason(), "", r.status(), r.createdAt(),
                r.listingId(), r.digitalLink(), r.purchaseCountry(), r.noticeId(), r.outcomeSummary(), r.updatedAt());
    }

    /** Closes a code report (listing reports close with their notice's decision). Idempotent. */
    public ConsumerReport close(Caller caller, String id, String outcome) {
        caller.requireRole(Caller.REVIEWER, Caller.ADMIN);
        UUID reportId = UUID.fromString(Checks.id("id", id));
        String summary = Checks.text("outcome_summary", outcome, 2_000);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            ConsumerReport r = reports.find(c, reportId).orElseThrow(() -> DomainException.notFound("id",
                    "REPORT_NOT_FOUND", "No consumer report with id " + id));
            if (r.noticeId() != null && !r.status().equals("CLOSED")) {
                throw DomainException.failedPrecondition("id", "INVALID_STATE_TRANSITION",
                        "A listing report closes when its notice " + r.noticeId() + " is decided");
            }
            reports.close(c, reportId, summary, now);
            return reports.find(c, reportId).orElseThrow();
        });
    }
}
