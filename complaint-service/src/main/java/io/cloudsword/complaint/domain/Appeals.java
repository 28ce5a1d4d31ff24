package io.cloudsword.complaint.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.config.NoticeSettings;
import io.cloudsword.complaint.domain.AuditRecord.Subject;
import io.cloudsword.complaint.repository.NoticeStore;
import io.cloudsword.complaint.repository.RecordStore;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/**
 * Internal complaint handling (DSA Art. 20): the affected seller (through its platform partner)
 * against a takedown, or the notifier against a rejection, within the appeal window (6 months by
 * default) of the decision. Another reviewer than the one who decided must decide the appeal; a
 * granted appeal reverses the decision's effects through the outbox.
 */
@ApplicationScoped
public class Appeals {

    public record NewAppeal(String idempotencyKey, String noticeId, List<String> itemIds, String appellant,
            String grounds, List<Evidence> evidence, String contactEmail, String fingerprint) {
    }

    public record Filed(Appeal appeal, boolean created) {
    }

    public record Decided(Appeal appeal, Notice notice) {
    }

    private final Transactions tx;
    private final NoticeStore notices;
    private final RecordStore records;
    private final Notices noticeRules;
    private final Workflow workflow;
    private final NoticeSettings settings;
    private final Clock clock;

    public Appeals(Transactions tx, NoticeStore notices, RecordStore records, Notices noticeRules, Workflow workflow,
            NoticeSettings settings, Clock clock) {
        this.tx = tx;
        this.notices = notices;
        this.records = records;
        this.noticeRules = noticeRules;
        this.workflow = workflow;
        this.settings = settings;
        this.clock = clock;
    }

    public Filed file(Caller caller, NewAppeal in) {
        caller.requireRole(Caller.PLATFORM_PARTNER, Caller.RIGHTS_OWNER, Caller.ADMIN);
        String key = Checks.text("idempotency_key", in.idempotencyKey(), 200);
        boolean seller = switch (in.appellant() == null ? "" : in.appellant()) {
            case "SELLER" -> true;
            case "NOTIFIER" -> false;
            default -> throw DomainException.invalid("appellant", "FIELD_REQUIRED", "appellant is required: SELLER or NOTIFIER");
        };
        String grounds = Checks.text("grounds", in.grounds(), 10_000);
        List<Evidence> evidence = Evidence.validated("evidence", in.evidence(), false);
        String email = Checks.email("contact_email", in.contactEmail());
        List<UUID> itemIds = CounterNotices.itemIds(in.itemIds(), true);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Optional<NoticeStore.Filed> earlier = records.byKey(c, "appeal", caller.subject(), key);
            if (earlier.isPresent()) {
                CounterNotices.requireSameContent(earlier.get(), in.fingerprint());
                return new Filed(byId(c, earlier.get().id(), false).orElseThrow(), false);
            }
            Notice n = noticeRules.lockVisible(c, caller, in.noticeId(), "notice_id");
            if (!caller.hasRole(Caller.ADMIN)) {
                if (seller) {
                    caller.requireActsForPlatform(n.platform);
                } else if (!caller.hasRole(Caller.RIGHTS_OWNER) || !n.concernsOwner(caller.ownerId())) {
                    throw DomainException.forbidden("NOT_OWNER", "Only the notifier appeals a rejection of its notice");
                }
            }
            List<NoticeItem> items = CounterNotices.items(n, itemIds);
            ItemState.Event event = seller ? ItemState.Event.SELLER_APPEAL_GRANTED : ItemState.Event.NOTIFIER_APPEAL_GRANTED;
            for (int i = 0; i < items.size(); i++) {
                NoticeItem it = items.get(i);
                String field = "item_ids[" + i + "]";
                event.from(it.state, field);
                if (it.appealDeadline != null && now.isAfter(it.appealDeadline)) {
                    throw DomainException.failedPrecondition(field, "DEADLINE_PASSED",
                            "The decision could be appealed until " + it.appealDeadline);
                }
            }
            if (!records.appeals(c, "a.notice_id = ? AND a.state = 'FILED' AND a.item_ids && ?",
                    List.of(n.id, itemIds), 1, false).isEmpty()) {
                throw DomainException.failedPrecondition("item_ids", "INVALID_STATE_TRANSITION",
                        "An appeal against these items is already waiting for its decision");
            }
            Appeal a = new Appeal(UUID.fromString(Ids.newId()), n.id, itemIds, seller ? "SELLER" : "NOTIFIER", "FILED",
                    grounds, evidence, Notices.actor(caller), email, now, now.plus(settings.appealDecisionTime()),
                    items.get(0).decidedBy, null, "", "");
            records.insert(c, a, caller.subject(), key, in.fingerprint());
            Change change = workflow.begin(n, Notices.actor(caller), now);
            change.record(Subject.APPEAL, a.id().toString(), "", "FILED", a.appellant() + "_APPEAL",
                    Map.of("items", Integer.toString(items.size())));
            workflow.save(c, change);
            return new Filed(a, true);
        });
    }

    /** Grant or deny, by a reviewer other than the one who made the appealed decision. Idempotent per outcome. */
    public Decided decide(Caller caller, String appealId, boolean grant, String explanation) {
        Visibility.requireReviewer(caller);
        UUID id = UUID.fromString(Checks.id("appeal_id", appealId));
        String why = Checks.text("explanation", explanation, 5_000);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Appeal a = byId(c, id, false).orElseThrow(() -> notFound(appealId));
            Notice n = notices.lock(c, a.noticeId()).orElseThrow();
            if (!Visibility.maySee(caller, n)) {
                throw notFound(appealId);
            }
            a = byId(c, id, true).orElseThrow();
            String outcome = grant ? "GRANTED" : "DENIED";
            if (!a.state().equals("FILED")) {
                if (a.state().equals(outcome)) {
                    return new Decided(a, n);
                }
                throw DomainException.failedPrecondition("appeal_id", "INVALID_STATE_TRANSITION",
                        "The appeal was " + a.state() + " already");
            }
            if (a.originalReviewer().equals(caller.subject())) {
                throw DomainException.forbidden("SAME_REVIEWER",
                        "The reviewer who made the appealed decision may not decide the appeal");
            }
            Change change = workflow.begin(n, Notices.actor(caller), now);
            if (grant) {
                for (UUID itemId : a.itemIds()) {
                    NoticeItem it = n.item(itemId);
                    if (a.appellant().equals("SELLER")) {
                        if (ItemState.Event.SELLER_APPEAL_GRANTED.appliesTo(it.state)) {
                            Outcomes.restore(change, it, ItemState.Event.SELLER_APPEAL_GRANTED, "APPEAL",
                                    "APPEAL_GRANTED", Statements.restoration(n, why, now));
                        }
                    } else if (ItemState.Event.NOTIFIER_APPEAL_GRANTED.appliesTo(it.state)) {
                        noticeRules.accept(change, it, new Notices.Decision(it.id.toString(), true, "APPEAL_GRANTED", why,
                                List.of()), "", Statements.Automation.NONE, caller.subject(), "item_ids");
                    }
                }
            }
            records.decide(c, a.id(), outcome, caller.subject(), why, now);
            change.record(Subject.APPEAL, a.id().toString(), "FILED", outcome, "APPEAL_" + outcome, Map.of());
            workflow.save(c, change);
            return new Decided(byId(c, id, false).orElseThrow(), n);
        });
    }

    public Appeal get(Caller caller, String id) {
        UUID appealId = UUID.fromString(Checks.id("id", id));
        return tx.read(c -> {
            Appeal a = byId(c, appealId, false).orElse(null);
            if (a == null || !Visibility.maySee(caller, notices.find(c, a.noticeId()).orElseThrow())) {
                throw notFound(id);
            }
            return a;
        });
    }

    private Optional<Appeal> byId(Connection c, UUID id, boolean forUpdate) throws SQLException {
        return records.appeals(c, "a.id = ?", List.of(id), 1, forUpdate).stream().findFirst();
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("appeal_id", "APPEAL_NOT_FOUND", "No appeal with id " + id);
    }
}
