package io.cloudsword.complaint.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.api.brand.v1.SuspendRightsOwnerRequest;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingKey;
import io.cloudsword.api.listing.v1.ListingLookupResult;
import io.cloudsword.api.listing.v1.PlatformListingKey;
import io.cloudsword.api.listing.v1.RecordConsumerReportRequest;
import io.cloudsword.complaint.config.NoticeSettings;
import io.cloudsword.complaint.domain.AuditRecord.Actor;
import io.cloudsword.complaint.domain.AuditRecord.Subject;
import io.cloudsword.complaint.effects.ListingClient;
import io.cloudsword.complaint.effects.RegistryClient;
import io.cloudsword.complaint.repository.ConsumerReportStore;
import io.cloudsword.complaint.repository.NoticeStore;
import io.cloudsword.complaint.repository.RecordStore;
import io.cloudsword.complaint.repository.StandingStore;
import io.cloudsword.complaint.repository.StandingStore.Standing;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.grpc.ProtoTime;

/**
 * Notices from filing to decision: receipt, the right and listings checked with the other
 * services, review, per-item decisions (takedown through the outbox), rejection, withdrawal, and
 * abuse marks that suspend a notifier from filing (DSA Art. 23). Every change happens under the
 * notice's row lock and goes through the workflow table ({@link ItemState.Event}).
 */
@ApplicationScoped
public class Notices {

    public record Decision(String itemId, boolean accept, String reason, String explanation,
            List<String> territorialScope) {
    }

    public record Filed(Notice notice, boolean created) {
    }

    public record Marked(Notice notice, boolean notifierSuspended) {
    }

    private final Transactions tx;
    private final NoticeStore store;
    private final StandingStore standings;
    private final ConsumerReportStore reports;
    private final RecordStore records;
    private final Workflow workflow;
    private final ListingClient listings;
    private final RegistryClient registry;
    private final NoticeSettings settings;
    private final Clock clock;

    public Notices(Transactions tx, NoticeStore store, StandingStore standings, ConsumerReportStore reports,
            RecordStore records, Workflow workflow, ListingClient listings, RegistryClient registry, NoticeSettings settings, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.standings = standings;
        this.reports = reports;
        this.records = records;
        this.workflow = workflow;
        this.listings = listings;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    // ----- filing

    /**
     * Receives a notice: checked in full before anything is stored (fields, idempotency, the
     * filer's standing, the right with brand-registry, every listing with listing-service), then
     * stored with its receipt (RECEIVED) in one transaction.
     */
    public Filed submit(Caller caller, NewNotice request) {
        caller.requireRole(Caller.RIGHTS_OWNER);
        if (caller.ownerId() == null) {
            throw DomainException.forbidden("NOT_OWNER", "The token names no rights owner to file for");
        }
        NewNotice in = request.validated();
        UUID filer = UUID.fromString(caller.ownerId());
        Optional<Filed> earlier = tx.read(c -> replay(c, caller.subject(), in));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        if (tx.read(c -> standings.find(c, filer, false)).map(s -> s.suspendedAt(now)).orElse(false)) {
            throw DomainException.forbidden("NOTIFIER_SUSPENDED", "The notifier is suspended from filing notices "
                    + "for repeatedly sending manifestly unfounded notices (DSA Art. 23)");
        }
        RightCheck.Standing standing = checkRight(caller.ownerId(), in, now);
        List<Listing> found = resolve(in.platform(), in.listings());

        Notice n = new Notice();
        n.id = UUID.fromString(Ids.newId());
        n.filedBy = caller.subject();
        n.kind = standing.trustedFlagger() ? NoticeKind.TRUSTED_FLAGGER : NoticeKind.RIGHTS_OWNER;
        n.state = NoticeState.RECEIVED;
        n.platform = in.platform();
        n.jurisdiction = in.jurisdiction() != null ? in.jurisdiction()
                : settings.platformJurisdiction().getOrDefault(in.platform(), settings.defaultJurisdiction());
        UUID principal = standing.rightHolder().equals(filer) ? null : standing.rightHolder();
        n.notifier = new Notice.Notifier(filer, in.notifierName(), in.notifierEmail(), in.notifierPhone(), principal,
                standing.agentMandate(), standing.trustedFlagger());
        n.right = new Notice.Right(in.rightType(), in.trademarkId().isEmpty() ? null : UUID.fromString(in.trademarkId()),
                standing.brandId(), "", in.copyrightWorkDescription(), in.copyrightRegistrationNumber());
        n.explanation = in.explanation();
        n.evidence = in.evidence();
        n.statements = in.statements();
        n.clientReference = in.clientReference();
        n.receivedAt = now;
        n.decisionDueAt = now.plus(decisionTime(n.kind));
        n.updatedAt = now;
        n.version = 0; // the receipt below makes it 1
        for (int i = 0; i < found.size(); i++) {
            n.items.add(newItem(n, i, in.listings().get(i).url(), in.listings().get(i).externalId(), found.get(i)));
        }
        return tx.inTransaction(c -> {
            Optional<Filed> raced = replay(c, caller.subject(), in);
            if (raced.isPresent()) {
                return raced.get();
            }
            store.insert(c, n, in.idempotencyKey(), in.fingerprint());
            Change change = workflow.begin(n, actor(caller), now);
            change.record(Subject.NOTICE, "", "", NoticeState.RECEIVED.name(), "RECEIPT_CONFIRMED",
                    Map.of("items", Integer.toString(n.items.size()), "kind", n.kind.name(),
                            "jurisdiction", n.jurisdiction.name(), "decision_due_at", n.decisionDueAt.toString()));
            workflow.save(c, change);
            return new Filed(n, true);
        });
    }

    static NoticeItem newItem(Notice n, int position, String url, String externalId, Listing listing) {
        NoticeItem it = new NoticeItem();
        it.id = UUID.fromString(Ids.newId());
        it.noticeId = n.id;
        it.position = position;
        it.referenceUrl = url;
        it.referenceExternalId = externalId;
        it.listingId = UUID.fromString(listing.getId());
        it.listingExternalId = listing.getData().getExternalId();
        it.shopId = listing.getData().getShopId();
        it.listingCreatedAt = ProtoTime.fromProto(listing.getCreatedAt());
        it.state = ItemState.PENDING;
        return it;
    }

    Duration decisionTime(NoticeKind kind) {
        return switch (kind) {
            case TRUSTED_FLAGGER -> settings.trustedFlaggerDecisionTime();
            case RIGHTS_OWNER -> settings.rightsOwnerDecisionTime();
            case CONSUMER_REPORT -> settings.consumerReportDecisionTime();
        };
    }

    /** The first notice filed with this key: itself for the same content, a refusal for other content. */
    private Optional<Filed> replay(Connection c, String filedBy, NewNotice in) throws SQLException {
        Optional<NoticeStore.Filed> f = store.findByIdempotencyKey(c, filedBy, in.idempotencyKey());
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (!f.get().fingerprint().equals(in.fingerprint())) {
            throw DomainException.alreadyExists("idempotency_key", "IDEMPOTENCY_KEY_REUSED",
                    "idempotency_key was used for a different notice");
        }
        return Optional.of(new Filed(store.find(c, f.get().id()).orElseThrow(), false));
    }

    private RightCheck.Standing checkRight(String filer, NewNotice in, Instant now) {
        if ("TRADEMARK".equals(in.rightType())) {
            return RightCheck.trademark(registry.standing(filer, in.trademarkId()), in.principal());
        }
        if (in.principal() == null) {
            return RightCheck.copyright(registry.owner(filer));
        }
        RightCheck.Standing agent = RightCheck.copyright(registry.owner(filer));
        RightCheck.Standing holder;
        try {
            holder = RightCheck.copyright(registry.owner(in.principalOwnerId()));
        } catch (DomainException e) {
            throw DomainException.failedPrecondition("principal_owner_id", e.reason(),
                    "The right holder (principal_owner_id) is not a VERIFIED, active rights owner");
        }
        if (!registry.hasMandate(in.principalOwnerId(), filer, now)) {
            throw DomainException.forbidden("NO_MANDATE", "No valid mandate of principal_owner_id "
                    + in.principalOwnerId());
        }
        return new RightCheck.Standing(holder.rightHolder(), null, agent.trustedFlagger(), null);
    }

    /** Every listing of the notice on its platform, in order; LISTING_NOT_FOUND names all that are not. */
    List<Listing> resolve(String platform, List<NewNotice.ListingReference> refs) {
        List<ListingKey> keys = new ArrayList<>(refs.size());
        for (NewNotice.ListingReference r : refs) {
            keys.add(r.url().isEmpty()
                    ? ListingKey.newBuilder().setExternal(PlatformListingKey.newBuilder().setPlatform(platform)
                            .setExternalId(r.externalId())).build()
                    : ListingKey.newBuilder().setUrl(r.url()).build());
        }
        List<ListingLookupResult> results = listings.lookup(keys);
        List<Listing> out = new ArrayList<>(refs.size());
        List<Integer> missing = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            ListingLookupResult r = results.get(i);
            if (!r.getFound() || !r.getListing().getData().getPlatform().equals(platform)) {
                missing.add(i);
                continue;
            }
            Integer earlier = seen.putIfAbsent(r.getListing().getId(), i);
            if (earlier != null) {
                throw DomainException.invalid("listings[" + i + "]", "DUPLICATE_LISTING", "listings[" + i
                        + "] names the same listing as listings[" + earlier + "]");
            }
            out.add(r.getListing());
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid("listings[" + missing.get(0) + "]", "LISTING_NOT_FOUND",
                    "No listing on platform " + platform + " for listings " + missing + " (indexes)");
        }
        return out;
    }

    // ----- reading

    public Notice get(Caller caller, String id) {
        UUID noticeId = UUID.fromString(Checks.id("id", id));
        Notice n = tx.read(c -> store.find(c, noticeId)).orElse(null);
        if (n == null || !Visibility.maySee(caller, n)) {
            throw notFound(id);
        }
        return n;
    }

    /** Up to 500 ids: the visible notices in first-occurrence order, and the ids that are not. */
    public List<Notice> batchGet(Caller caller, List<String> ids, List<String> missing) {
        if (ids.size() > 500) {
            throw DomainException.invalid("ids", "TOO_MANY_ITEMS", "At most 500 ids per call, got " + ids.size());
        }
        caller.requireRole(Caller.RIGHTS_OWNER, Caller.PLATFORM_PARTNER, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
        List<UUID> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            parsed.add(UUID.fromString(Checks.id("ids[" + i + "]", ids.get(i))));
        }
        List<Notice> found = tx.read(c -> store.load(c, parsed, false));
        Set<String> visible = new HashSet<>();
        List<Notice> out = new ArrayList<>();
        for (Notice n : found) {
            if (Visibility.maySee(caller, n)) {
                out.add(n);
                visible.add(n.id.toString());
            }
        }
        for (String id : ids) {
            if (!visible.contains(id.toLowerCase()) && !missing.contains(id)) {
                missing.add(id);
            }
        }
        return out;
    }

    static DomainException notFound(String id) {
        return DomainException.notFound("notice_id", "NOTICE_NOT_FOUND", "No notice with id " + id);
    }

    /** The notice locked in this transaction, if the caller may see it; NOTICE_NOT_FOUND otherwise. */
    Notice lockVisible(Connection c, Caller caller, String id, String field) throws SQLException {
        UUID noticeId = UUID.fromString(Checks.id(field, id));
        Notice n = store.lock(c, noticeId).orElse(null);
        if (n == null || !Visibility.maySee(caller, n)) {
            throw notFound(id);
        }
        return n;
    }

    // ----- review

    /** RECEIVED -> UNDER_REVIEW, assigned to the calling reviewer (idempotent for that reviewer). */
    public Notice startReview(Caller caller, String id, boolean reassign) {
        Visibility.requireReviewer(caller);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Notice n = lockVisible(c, caller, id, "notice_id");
            Change change = workflow.begin(n, actor(caller), now);
            if (n.state == NoticeState.RECEIVED) {
                n.state = NoticeState.UNDER_REVIEW;
                n.assignedReviewer = caller.subject();
                change.record(Subject.NOTICE, "", NoticeState.RECEIVED.name(), NoticeState.UNDER_REVIEW.name(),
                        "REVIEW_STARTED", Map.of("reviewer", caller.subject()));
            } else if (n.state == NoticeState.UNDER_REVIEW) {
                if (n.assignedReviewer.equals(caller.subject())) {
                    return n;
                }
                if (!reassign || !caller.hasRole(Caller.ADMIN)) {
                    throw DomainException.failedPrecondition("notice_id", "INVALID_STATE_TRANSITION",
                            "The notice is under review by another reviewer; an admin may reassign it");
                }
                change.record(Subject.NOTICE, "", n.state.name(), n.state.name(), "REASSIGNED",
                        Map.of("from_reviewer", n.assignedReviewer, "reviewer", caller.subject()));
                n.assignedReviewer = caller.subject();
            } else {
                throw DomainException.failedPrecondition("notice_id", "INVALID_STATE_TRANSITION",
                        "The notice is " + n.state + "; only RECEIVED notices are picked up for review");
            }
            workflow.save(c, change);
            return n;
        });
    }

    /**
     * Decides some or all PENDING items. The notice must be under review by the caller (or an
     * admin decides). An item already decided the same way is left as it is; a different
     * decision on a decided item is INVALID_STATE_TRANSITION (that is what appeals are for).
     */
    public Notice decide(Caller caller, String id, List<Decision> decisions, String legalGround,
            Statements.Automation automation, Long expectedVersion) {
        Visibility.requireReviewer(caller);
        if (decisions.isEmpty()) {
            throw DomainException.invalid("decisions", "FIELD_REQUIRED", "decisions: at least one item decision");
        }
        String ground = Checks.optionalText("legal_ground", legalGround, 500);
        List<Decision> checked = validateDecisions(decisions);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Notice n = lockVisible(c, caller, id, "notice_id");
            checkVersion(n, expectedVersion);
            if (n.state == NoticeState.RECEIVED) {
                throw DomainException.failedPrecondition("notice_id", "INVALID_STATE_TRANSITION",
                        "The notice is RECEIVED; start its review first (StartNoticeReview)");
            }
            if (n.state == NoticeState.UNDER_REVIEW) {
                requireAssignee(caller, n);
            }
            // once decided, only a repetition of the same decisions passes (the table refuses the rest)
            Change change = workflow.begin(n, actor(caller), now);
            for (int i = 0; i < checked.size(); i++) {
                Decision d = checked.get(i);
                String field = "decisions[" + i + "].item_id";
                NoticeItem item = n.item(UUID.fromString(d.itemId()));
                if (item == null) {
                    throw DomainException.notFound(field, "NOTICE_ITEM_NOT_FOUND", "No item " + d.itemId()
                            + " in this notice");
                }
                ItemState target = d.accept() ? ItemState.ACCEPTED : ItemState.REJECTED;
                if (item.state == target) {
                    continue; // the same decision again
                }
                if (d.accept()) {
                    accept(change, item, d, ground, automation, caller.subject(), field);
                } else {
                    reject(change, item, d, automation, caller.subject(), field);
                }
            }
            if (n.decidedAt == null && !change.isEmpty()) {
                n.decidedAt = now;
            }
            workflow.save(c, change);
            closeConsumerReport(c, n, now);
            return n;
        });
    }

    private static List<Decision> validateDecisions(List<Decision> decisions) {
        List<Decision> out = new ArrayList<>(decisions.size());
        Set<String> items = new HashSet<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            String p = "decisions[" + i + "].";
            String item = Checks.id(p + "item_id", Checks.text(p + "item_id", d.itemId(), 64));
            if (!items.add(item)) {
                throw DomainException.invalid(p + "item_id", "DUPLICATE_ITEM", p + "item_id is decided twice");
            }
            String reason = Checks.text(p + "reason", d.reason(), 64);
            if (!reason.matches("[A-Z][A-Z0-9_]*")) {
                throw DomainException.invalid(p + "reason", "INVALID_FORMAT", p
                        + "reason is a stable code in capitals, e.g. INFRINGEMENT_ESTABLISHED");
            }
            List<String> scope = new ArrayList<>();
            for (int t = 0; t < d.territorialScope().size(); t++) {
                String code = d.territorialScope().get(t);
                scope.add("EU".equalsIgnoreCase(code.strip()) ? "EU"
                        : Checks.country(p + "territorial_scope[" + t + "]", code));
            }
            out.add(new Decision(item, d.accept(), reason, Checks.text(p + "explanation", d.explanation(), 5_000), scope));
        }
        return out;
    }

    /** PENDING -> ACCEPTED: the takedown with its statement goes out through the outbox. */
    void accept(Change change, NoticeItem item, Decision d, String legalGround, Statements.Automation automation,
            String reviewer, String field) {
        Instant now = change.now;
        Notice n = change.notice;
        ItemState.Event event = item.state == ItemState.REJECTED ? ItemState.Event.NOTIFIER_APPEAL_GRANTED
                : ItemState.Event.ACCEPT;
        event.from(item.state, field); // refuse before touching anything
        item.decidedAt = now;
        item.decidedBy = reviewer;
        item.decisionReason = d.reason();
        item.appealDeadline = settings.waitingPeriods().appealDeadline(now);
        item.counterNoticeDeadline = settings.waitingPeriods().counterNoticeDeadline(now);
        StatementOfReasons statement = Statements.takedown(n, legalGround, d.explanation(), d.territorialScope(),
                automation, now, item.appealDeadline);
        change.setStatement(item, statement);
        change.move(item, event, field, d.reason(), Map.of("counter_notice_deadline",
                item.counterNoticeDeadline.toString(), "statement_id", statement.getId()));
        change.effect(Effect.takeDown(n, item, statement));
    }

    /** PENDING -> REJECTED: a statement to the notifier, nothing else happens to the listing. */
    void reject(Change change, NoticeItem item, Decision d, Statements.Automation automation, String reviewer,
            String field) {
        Instant now = change.now;
        ItemState.Event.REJECT.from(item.state, field);
        item.decidedAt = now;
        item.decidedBy = reviewer;
        item.decisionReason = d.reason();
        item.appealDeadline = settings.waitingPeriods().appealDeadline(now);
        StatementOfReasons statement = Statements.rejection(change.notice, d.explanation(), automation, now,
                item.appealDeadline);
        change.setStatement(item, statement);
        change.move(item, ItemState.Event.REJECT, field, d.reason(), Map.of("statement_id", statement.getId()));
    }

    /** Every PENDING item -> REJECTED (an incomplete or unsubstantiated notice). Idempotent. */
    public Notice rejectAll(Caller caller, String id, String reason, String explanation, Long expectedVersion) {
        Visibility.requireReviewer(caller);
        String code = Checks.optionalText("reason", reason, 64);
        String why = Checks.text("explanation", explanation, 5_000);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Notice n = lockVisible(c, caller, id, "notice_id");
            checkVersion(n, expectedVersion);
            if (n.state == NoticeState.REJECTED) {
                return n;
            }
            if (n.state != NoticeState.RECEIVED && n.state != NoticeState.UNDER_REVIEW) {
                throw DomainException.failedPrecondition("notice_id", "INVALID_STATE_TRANSITION",
                        "The notice is " + n.state + "; only a notice awaiting its decision can be rejected");
            }
            if (n.state == NoticeState.UNDER_REVIEW) {
                requireAssignee(caller, n);
            }
            Change change = workflow.begin(n, actor(caller), now);
            Decision d = new Decision("", false, code.isEmpty() ? "INSUFFICIENT_EVIDENCE" : code, why, List.of());
            for (NoticeItem item : n.items) {
                if (item.state == ItemState.PENDING) {
                    reject(change, item, d, Statements.Automation.NONE, caller.subject(), "notice_id");
                }
            }
            if (n.decidedAt == null) {
                n.decidedAt = now;
            }
            workflow.save(c, change);
            closeConsumerReport(c, n, now);
            return n;
        });
    }

    /** The notifier withdraws: open items end WITHDRAWN and their takedowns are lifted. Idempotent. */
    public Notice withdraw(Caller caller, String id, String reason) {
        caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
        String why = Checks.optionalText("reason", reason, 2_000);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Notice n = lockVisible(c, caller, id, "notice_id");
            if (!caller.hasRole(Caller.ADMIN) && !n.concernsOwner(caller.ownerId())) {
                throw DomainException.forbidden("NOT_OWNER", "Only the notifier may withdraw its notice");
            }
            if (n.state == NoticeState.WITHDRAWN) {
                return n;
            }
            List<NoticeItem> open = n.items.stream().filter(i -> ItemState.Event.WITHDRAW.appliesTo(i.state)).toList();
            if (open.isEmpty()) {
                throw DomainException.failedPrecondition("notice_id", "INVALID_STATE_TRANSITION", "The notice is "
                        + n.state + " and every item is final; there is nothing left to withdraw");
            }
            Change change = workflow.begin(n, actor(caller), now);
            for (NoticeItem item : open) {
                boolean wasDown = item.state != ItemState.PENDING;
                if (wasDown) {
                    StatementOfReasons statement = Statements.restoration(n, "The notifier withdrew its notice.", now);
                    change.setStatement(item, statement);
                    item.restoredBy = "WITHDRAWAL";
                    change.effect(Effect.restore(n, item, statement));
                }
                change.move(item, ItemState.Event.WITHDRAW, "notice_id", "NOTICE_WITHDRAWN",
                        why.isEmpty() ? Map.of() : Map.of("reason", why));
            }
            List<UUID> counterNotices = open.stream().filter(i -> i.state == ItemState.WITHDRAWN && i.counterNoticeId != null)
                    .map(i -> i.counterNoticeId).distinct().toList();
            records.resolveCounterNotices(c, n.id, counterNotices, "WITHDRAWN", now);
            counterNotices.forEach(id2 -> change.record(Subject.COUNTER_NOTICE, id2.toString(), "FORWARDED", "WITHDRAWN",
                    "NOTICE_WITHDRAWN", Map.of()));
            change.record(Subject.NOTICE, "", n.state.name(), NoticeState.WITHDRAWN.name(), "NOTICE_WITHDRAWN",
                    why.isEmpty() ? Map.of() : Map.of("reason", why));
            n.state = NoticeState.WITHDRAWN;
            workflow.save(c, change);
            return n;
        });
    }

    /**
     * Records a notice as manifestly unfounded (DSA Art. 23) or malicious (E-Commerce Law Art. 42),
     * once per kind. Enough unfounded notices within the window suspend the notifier from filing,
     * here at once and in brand-registry through the outbox.
     *
     * @return the notice, and whether this call suspended the notifier
     */
    public Marked markAbusive(Caller caller, String id, String kind, String explanation) {
        Visibility.requireReviewer(caller);
        if (!"MANIFESTLY_UNFOUNDED".equals(kind) && !"MALICIOUS".equals(kind)) {
            throw DomainException.invalid("kind", "FIELD_REQUIRED", "kind is required: MANIFESTLY_UNFOUNDED or MALICIOUS");
        }
        String why = Checks.text("explanation", explanation, 5_000);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Notice n = lockVisible(c, caller, id, "notice_id");
            if (n.items.stream().noneMatch(i -> i.state == ItemState.REJECTED)) {
                throw DomainException.failedPrecondition("notice_id", "INVALID_STATE_TRANSITION",
                        "Only a notice with rejected items can be found unfounded or malicious");
            }
            Notice.AbuseMark mark = new Notice.AbuseMark(kind, why, caller.subject(), now);
            if (!store.insertAbuseMark(c, n.id, mark)) {
                return new Marked(n, false); // marked before
            }
            n.abuseMarks.add(mark);
            Change change = workflow.begin(n, actor(caller), now);
            change.record(Subject.NOTICE, "", n.state.name(), n.state.name(), kind, Map.of());
            boolean suspended = false;
            UUID notifier = n.notifier.ownerId();
            if ("MANIFESTLY_UNFOUNDED".equals(kind) && notifier != null) {
                Instant since = now.atZone(ZoneOffset.UTC).minusMonths(settings.unfoundedWindowMonths()).toInstant();
                Standing s = standings.find(c, notifier, true).orElse(Standing.none(notifier));
                if (!s.suspendedAt(now) && standings.unfoundedSince(c, notifier, since) >= settings.suspendAfterUnfounded()) {
                    Instant until = now.plus(settings.filingSuspension());
                    standings.save(c, new Standing(notifier, s.goodFaithStatus(), s.goodFaithSince(), s.excludedUntil(),
                            until), now);
                    change.effect(Effect.suspendNotifier(notifier, SuspendRightsOwnerRequest.newBuilder()
                            .setId(notifier.toString()).setUntil(ProtoTime.toProto(until))
                            .setReason("Suspended from filing notices: " + settings.suspendAfterUnfounded()
                                    + " or more manifestly unfounded notices within " + settings.unfoundedWindowMonths()
                                    + " months (DSA Art. 23)")
                            .addNoticeIds(n.id.toString()).build()));
                    change.record(Subject.NOTICE, "", n.state.name(), n.state.name(), "NOTIFIER_SUSPENDED",
                            Map.of("notifier_owner_id", notifier.toString(), "suspended_until", until.toString()));
                    suspended = true;
                }
            }
            workflow.save(c, change);
            return new Marked(n, suspended);
        });
    }

    /** A consumer report closes when its notice no longer has anything pending. */
    private void closeConsumerReport(Connection c, Notice n, Instant now) throws SQLException {
        if (n.consumerReportId == null || n.items.stream().anyMatch(i -> i.state == ItemState.PENDING)) {
            return;
        }
        boolean down = n.items.stream().anyMatch(i -> i.state == ItemState.ACCEPTED);
        if (!down) {
            // an unfounded report no longer counts in the listing's risk score
            NoticeItem item = n.items.get(0);
            workflow.enqueue(c, List.of(Effect.recordConsumerReport(n.id, RecordConsumerReportRequest.newBuilder()
                    .setListing(ListingKey.newBuilder().setId(item.listingId.toString()))
                    .setReportId(n.consumerReportId.toString()).setReason("consumer report")
                    .setReportedAt(ProtoTime.toProto(n.receivedAt)).setDismissed(true).build())), now);
        }
        reports.close(c, n.consumerReportId, down ? "Thank you: the listing was taken down after review."
                : "Thank you: after review the listing was not found to infringe, and no action was taken.", now);
    }

    static void checkVersion(Notice n, Long expected) {
        if (expected != null && expected != n.version) {
            throw DomainException.aborted("expected_version", "VERSION_MISMATCH", "The notice is at version "
                    + n.version + ", not " + expected + "; read it again");
        }
    }

    static void requireAssignee(Caller caller, Notice n) {
        if (!caller.hasRole(Caller.ADMIN) && !n.assignedReviewer.equals(caller.subject())) {
            throw DomainException.failedPrecondition("notice_id", "INVALID_STATE_TRANSITION",
                    "The notice is under review by another reviewer");
        }
    }

    static Actor actor(Caller caller) {
        String role = caller.roles().isEmpty() ? "anonymous" : caller.roles().stream().sorted().findFirst().get();
        for (String preferred : List.of(Caller.ADMIN, Caller.REVIEWER, Caller.SYSTEM, Caller.PLATFORM_PARTNER,
                Caller.RIGHTS_OWNER, Caller.CUSTOMS, Caller.CONSUMER)) {
            if (caller.hasRole(preferred)) {
                role = preferred;
                break;
            }
        }
        return new Actor(caller.subject() == null ? "" : caller.subject(), role,
                caller.ownerId() == null ? "" : caller.ownerId(), caller.platformId() == null ? "" : caller.platformId());
    }
}
