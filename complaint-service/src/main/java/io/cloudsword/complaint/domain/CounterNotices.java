package io.cloudsword.complaint.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The seller's counter-notice and the notifier's answer to it. A counter-notice is forwarded to
 * the notifier at once (it reads it on the notice), which starts the waiting period of the
 * notice's jurisdiction; proof of legal action within it upholds the items, otherwise the
 * deadline sweep restores them.
 */
@ApplicationScoped
public class CounterNotices {

    public record NewCounterNotice(String idempotencyKey, String noticeId, List<String> itemIds, String sellerName,
            String sellerEmail, String sellerAddress, String explanation, List<Evidence> evidence, boolean goodFaith,
            boolean consentToJurisdiction, String signature, String fingerprint) {
    }

    public record NewProof(String idempotencyKey, String noticeId, List<String> itemIds, String kind,
            String authorityOrCourt, String caseReference, LocalDate filedOn, List<Evidence> evidence,
            String fingerprint) {
    }

    public record Filed<T>(T record, boolean created, Notice notice) {
    }

    private final Transactions tx;
    private final NoticeStore notices;
    private final RecordStore records;
    private final Notices noticeRules;
    private final Workflow workflow;
    private final NoticeSettings settings;
    private final Clock clock;

    public CounterNotices(Transactions tx, NoticeStore notices, RecordStore records, Notices noticeRules,
            Workflow workflow, NoticeSettings settings, Clock clock) {
        this.tx = tx;
        this.notices = notices;
        this.records = records;
        this.noticeRules = noticeRules;
        this.workflow = workflow;
        this.settings = settings;
        this.clock = clock;
    }

    /** ACCEPTED items of one shop -> COUNTER_NOTICED, forwarded to the notifier; the waiting period starts. */
    public Filed<CounterNotice> submit(Caller caller, NewCounterNotice in) {
        caller.requireRole(Caller.PLATFORM_PARTNER, Caller.ADMIN);
        String key = Checks.text("idempotency_key", in.idempotencyKey(), 200);
        String name = Checks.text("seller_name", in.sellerName(), 300);
        String email = Checks.email("seller_email", in.sellerEmail());
        String address = Checks.optionalText("seller_address", in.sellerAddress(), 1_000);
        String explanation = Checks.text("explanation", in.explanation(), 10_000);
        List<Evidence> evidence = Evidence.validated("evidence", in.evidence(), true);
        if (!in.goodFaith()) {
            throw DomainException.invalid("statements.good_faith", "FIELD_REQUIRED",
                    "The seller must state in good faith that the listing was removed by mistake or misidentification");
        }
        String signature = Checks.text("statements.signature", in.signature(), 300);
        List<UUID> itemIds = itemIds(in.itemIds(), true);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Optional<Filed<CounterNotice>> earlier = replayCounterNotice(c, caller, key, in.fingerprint());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Notice n = noticeRules.lockVisible(c, caller, in.noticeId(), "notice_id");
            if (!caller.hasRole(Caller.ADMIN)) {
                caller.requireActsForPlatform(n.platform);
            }
            if (n.jurisdiction == Jurisdiction.US) {
                if (address.isEmpty()) {
                    throw DomainException.invalid("seller_address", "FIELD_REQUIRED",
                            "seller_address is required for a US counter-notice (DMCA 512(g)(3)(D))");
                }
                if (!in.consentToJurisdiction()) {
                    throw DomainException.invalid("statements.consent_to_jurisdiction", "FIELD_REQUIRED",
                            "A US counter-notice consents to the court's jurisdiction (DMCA 512(g)(3)(D))");
                }
            }
            List<NoticeItem> items = items(n, itemIds);
            String shop = items.get(0).shopId;
            for (int i = 0; i < items.size(); i++) {
                NoticeItem it = items.get(i);
                String field = "item_ids[" + i + "]";
                ItemState.Event.COUNTER_NOTICE.from(it.state, field);
                if (!it.shopId.equals(shop)) {
                    throw DomainException.invalid(field, "MIXED_SHOPS", "A counter-notice covers listings of one shop");
                }
                if (it.counterNoticeDeadline != null && now.isAfter(it.counterNoticeDeadline)) {
                    throw DomainException.failedPrecondition(field, "DEADLINE_PASSED",
                            "The counter-notice period ended at " + it.counterNoticeDeadline);
                }
            }
            WaitingPeriods periods = settings.waitingPeriods();
            Instant legalDeadline = periods.legalActionDeadline(n.jurisdiction, now);
            Instant restoreNotBefore = periods.restoreNotBefore(n.jurisdiction, now);
            CounterNotice cn = new CounterNotice(UUID.fromString(Ids.newId()), n.id, itemIds, "FORWARDED", name, email,
                    address, shop, explanation, evidence, true, in.consentToJurisdiction(), signature, now, now,
                    legalDeadline, restoreNotBefore, null);
            records.insert(c, cn, caller.subject(), key, in.fingerprint());
            Change change = workflow.begin(n, Notices.actor(caller), now);
            change.record(Subject.COUNTER_NOTICE, cn.id().toString(), "", "RECEIVED", "COUNTER_NOTICE_RECEIVED",
                    Map.of("items", Integer.toString(items.size())));
            change.record(Subject.COUNTER_NOTICE, cn.id().toString(), "RECEIVED", "FORWARDED", "FORWARDED_TO_NOTIFIER",
                    Map.of("legal_action_deadline", legalDeadline.toString()));
            for (NoticeItem it : items) {
                it.counterNoticeId = cn.id();
                it.legalActionDeadline = legalDeadline;
                it.restoreNotBefore = restoreNotBefore;
                change.move(it, ItemState.Event.COUNTER_NOTICE, "item_ids", "COUNTER_NOTICE_FORWARDED",
                        Map.of("counter_notice_id", cn.id().toString(), "legal_action_deadline", legalDeadline.toString()));
            }
            workflow.save(c, change);
            return new Filed<>(cn, true, n);
        });
    }

    /** COUNTER_NOTICED items -> UPHELD with a strike, when the proof arrives before the waiting period ends. */
    public Filed<LegalActionProof> submitProof(Caller caller, NewProof in) {
        caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
        String key = Checks.text("idempotency_key", in.idempotencyKey(), 200);
        if (!"COMPLAINT_TO_AUTHORITY".equals(in.kind()) && !"LAWSUIT".equals(in.kind())) {
            throw DomainException.invalid("kind", "FIELD_REQUIRED", "kind is required: COMPLAINT_TO_AUTHORITY or LAWSUIT");
        }
        String authority = Checks.text("authority_or_court", in.authorityOrCourt(), 300);
        String caseReference = Checks.text("case_reference", in.caseReference(), 200);
        List<Evidence> evidence = Evidence.validated("evidence", in.evidence(), true);
        List<UUID> requested = itemIds(in.itemIds(), false);
        Instant now = clock.instant();
        if (in.filedOn() != null && in.filedOn().isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
            throw DomainException.invalid("filed_on", "INVALID_DATE", "filed_on is in the future");
        }
        return tx.inTransaction(c -> {
            Optional<NoticeStore.Filed> earlier = records.byKey(c, "legal_action_proof", caller.subject(), key);
            if (earlier.isPresent()) {
                requireSameContent(earlier.get(), in.fingerprint());
                LegalActionProof p = records.proof(c, earlier.get().id()).orElseThrow();
                return new Filed<>(p, false, notices.find(c, p.noticeId()).orElseThrow());
            }
            Notice n = noticeRules.lockVisible(c, caller, in.noticeId(), "notice_id");
            if (!caller.hasRole(Caller.ADMIN) && !n.concernsOwner(caller.ownerId())) {
                throw DomainException.forbidden("NOT_OWNER", "Only the notifier files proof of legal action");
            }
            List<NoticeItem> items = requested.isEmpty()
                    ? n.items.stream().filter(i -> i.state == ItemState.COUNTER_NOTICED).toList()
                    : items(n, requested);
            if (items.isEmpty()) {
                throw DomainException.failedPrecondition("item_ids", "INVALID_STATE_TRANSITION",
                        "The notice has no COUNTER_NOTICED item waiting for proof of legal action");
            }
            for (int i = 0; i < items.size(); i++) {
                NoticeItem it = items.get(i);
                String field = "item_ids[" + i + "]";
                ItemState.Event.LEGAL_ACTION_PROVED.from(it.state, field);
                if (now.isAfter(it.legalActionDeadline)) {
                    throw DomainException.failedPrecondition(field, "DEADLINE_PASSED",
                            "The waiting period ended at " + it.legalActionDeadline + "; the proof comes too late");
                }
            }
            LegalActionProof proof = new LegalActionProof(UUID.fromString(Ids.newId()), n.id,
                    items.stream().map(i -> i.id).toList(), in.kind(), authority, caseReference, in.filedOn(), evidence,
                    now);
            records.insert(c, proof, caller.subject(), key, in.fingerprint());
            Change change = workflow.begin(n, Notices.actor(caller), now);
            change.record(Subject.LEGAL_ACTION_PROOF, proof.id().toString(), "", "RECEIVED", in.kind(),
                    Map.of("authority_or_court", authority, "case_reference", caseReference));
            Set<UUID> counterNotices = new HashSet<>();
            for (NoticeItem it : items) {
                it.legalActionProofId = proof.id();
                counterNotices.add(it.counterNoticeId);
                Outcomes.uphold(change, it, ItemState.Event.LEGAL_ACTION_PROVED, "LEGAL_ACTION_PROVED",
                        Map.of("legal_action_proof_id", proof.id().toString()));
            }
            List<UUID> failed = new ArrayList<>(counterNotices);
            records.resolveCounterNotices(c, n.id, failed, "FAILED", now);
            failed.forEach(id -> change.record(Subject.COUNTER_NOTICE, id.toString(), "FORWARDED", "FAILED",
                    "LEGAL_ACTION_PROVED", Map.of()));
            workflow.save(c, change);
            return new Filed<>(proof, true, n);
        });
    }

    public CounterNotice get(Caller caller, String id) {
        UUID cnId = UUID.fromString(Checks.id("id", id));
        return tx.read(c -> {
            List<CounterNotice> found = records.counterNotices(c, "cn.id = ?", List.of(cnId), 1);
            if (found.isEmpty() || !Visibility.maySee(caller, notices.find(c, found.get(0).noticeId()).orElseThrow())) {
                throw DomainException.notFound("id", "COUNTER_NOTICE_NOT_FOUND", "No counter-notice with id " + id);
            }
            return found.get(0);
        });
    }

    private Optional<Filed<CounterNotice>> replayCounterNotice(Connection c, Caller caller, String key,
            String fingerprint) throws SQLException {
        Optional<NoticeStore.Filed> earlier = records.byKey(c, "counter_notice", caller.subject(), key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        requireSameContent(earlier.get(), fingerprint);
        CounterNotice cn = records.counterNotices(c, "cn.id = ?", List.of(earlier.get().id()), 1).get(0);
        return Optional.of(new Filed<>(cn, false, notices.find(c, cn.noticeId()).orElseThrow()));
    }

    static void requireSameContent(NoticeStore.Filed earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw DomainException.alreadyExists("idempotency_key", "IDEMPOTENCY_KEY_REUSED",
                    "idempotency_key was used for a different request");
        }
    }

    static List<UUID> itemIds(List<String> ids, boolean required) {
        if (ids.isEmpty() && required) {
            throw DomainException.invalid("item_ids", "FIELD_REQUIRED", "item_ids: at least one item");
        }
        if (ids.size() > NewNotice.MAX_LISTINGS) {
            throw DomainException.invalid("item_ids", "TOO_MANY_ITEMS", "At most " + NewNotice.MAX_LISTINGS + " items");
        }
        List<UUID> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            UUID id = UUID.fromString(Checks.id("item_ids[" + i + "]", ids.get(i)));
            if (out.contains(id)) {
                throw DomainException.invalid("item_ids[" + i + "]", "DUPLICATE_ITEM", "item_ids[" + i + "] is repeated");
            }
            out.add(id);
        }
        return out;
    }

    static List<NoticeItem> items(Notice n, List<UUID> ids) {
        List<NoticeItem> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            NoticeItem it = n.item(ids.get(i));
            if (it == null) {
                throw DomainException.notFound("item_ids[" + i + "]", "NOTICE_ITEM_NOT_FOUND",
                        "No item " + ids.get(i) + " in notice " + n.id);
            }
            out.add(it);
        }
        return out;
    }
}
