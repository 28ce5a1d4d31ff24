package io.cloudsword.complaint.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cloudsword.kit.error.DomainException;

/** The pure rules: the workflow table, the notice summary, the waiting periods, good faith, the hash chain. */
class RulesTest {

    @Test
    void theWorkflowTableAllowsExactlyItsTransitions() {
        for (ItemState.Event e : ItemState.Event.values()) {
            for (ItemState s : ItemState.values()) {
                if (e.from.contains(s)) {
                    assertEquals(e.to, e.from(s, "f"));
                } else {
                    DomainException ex = assertThrows(DomainException.class, () -> e.from(s, "f"), e + " from " + s);
                    assertEquals("INVALID_STATE_TRANSITION", ex.reason());
                    assertEquals("f", ex.field());
                }
            }
        }
        assertEquals(EnumSet.of(ItemState.ACCEPTED), ItemState.Event.COUNTER_NOTICE.from);
        assertEquals(EnumSet.of(ItemState.COUNTER_NOTICED), ItemState.Event.LEGAL_ACTION_PROVED.from);
        assertEquals(EnumSet.of(ItemState.REJECTED), ItemState.Event.NOTIFIER_APPEAL_GRANTED.from);
        assertFalse(ItemState.Event.WITHDRAW.appliesTo(ItemState.UPHELD));
    }

    @Test
    void aNoticesStateSummarizesItsItems() {
        assertEquals(NoticeState.UNDER_REVIEW, NoticeState.summarize(NoticeState.UNDER_REVIEW,
                List.of(ItemState.PENDING, ItemState.ACCEPTED)));
        assertEquals(NoticeState.REJECTED, NoticeState.summarize(NoticeState.UNDER_REVIEW,
                List.of(ItemState.REJECTED, ItemState.REJECTED)));
        assertEquals(NoticeState.ACCEPTED, NoticeState.summarize(NoticeState.UNDER_REVIEW,
                List.of(ItemState.REJECTED, ItemState.ACCEPTED)));
        assertEquals(NoticeState.CLOSED, NoticeState.summarize(NoticeState.ACCEPTED,
                List.of(ItemState.UPHELD, ItemState.RESTORED, ItemState.REJECTED)));
        assertEquals(NoticeState.WITHDRAWN, NoticeState.summarize(NoticeState.WITHDRAWN, List.of(ItemState.WITHDRAWN)));
        assertEquals(NoticeState.ACCEPTED, NoticeState.summarize(NoticeState.REJECTED, List.of(ItemState.ACCEPTED)));
    }

    private static final WaitingPeriods PERIODS = new WaitingPeriods(Duration.ofDays(15), 15, 10, 14, Duration.ofDays(14), 6);

    @Test
    void waitingPeriodsFollowEachJurisdiction() {
        Instant friday = Instant.parse("2026-11-27T10:00:00Z");
        assertEquals(Instant.parse("2026-12-12T10:00:00Z"), PERIODS.legalActionDeadline(Jurisdiction.CN, friday));
        // 10 business days after a Friday: two weekends later, on Friday
        assertEquals(Instant.parse("2026-12-11T10:00:00Z"), PERIODS.legalActionDeadline(Jurisdiction.US, friday));
        assertEquals(Instant.parse("2026-12-17T10:00:00Z"), PERIODS.restoreNoLaterThan(Jurisdiction.US, friday));
        assertNull(PERIODS.restoreNoLaterThan(Jurisdiction.CN, friday));
        assertEquals(Instant.parse("2026-12-11T10:00:00Z"), PERIODS.legalActionDeadline(Jurisdiction.EU, friday));
        assertEquals(Instant.parse("2027-05-27T10:00:00Z"), PERIODS.appealDeadline(friday));
        assertEquals(Instant.parse("2026-12-12T10:00:00Z"), PERIODS.counterNoticeDeadline(friday));
        // a Saturday start counts from Monday
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"),
                WaitingPeriods.plusBusinessDays(Instant.parse("2026-11-28T09:00:00Z"), 1));
    }

    private static GoodFaith.Window window(long decided, long accepted, double success, double counter) {
        return new GoodFaith.Window(decided, accepted, decided == 0 ? 0 : (double) accepted / decided, success, counter);
    }

    @Test
    void goodFaithAdmissionNeedsNinetyPercentAcceptedOverSixMonths() {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        GoodFaith.Status none = new GoodFaith.Status("NOT_ADMITTED", null, null);
        assertEquals("ADMITTED", GoodFaith.evaluate(none, window(10, 9, 1, 0), window(10, 9, 1, 0), now, 10).status());
        assertEquals("NOT_ADMITTED", GoodFaith.evaluate(none, window(10, 8, 1, 0), window(10, 8, 1, 0), now, 10).status());
        assertEquals("NOT_ADMITTED", GoodFaith.evaluate(none, window(9, 9, 1, 0), window(9, 9, 1, 0), now, 10).status());
    }

    @Test
    void aMemberDropsOutBelowNinetyPercentSuccessOrAboveFivePercentSuccessfulCounterNoticesAndWaitsThreeMonths() {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        GoodFaith.Status member = new GoodFaith.Status("ADMITTED", now.minus(Duration.ofDays(100)), null);
        assertEquals("ADMITTED", GoodFaith.evaluate(member, window(20, 20, 0.9, 0.05), window(40, 40, 1, 0), now, 10)
                .status());
        GoodFaith.Status out = GoodFaith.evaluate(member, window(20, 20, 0.85, 0), window(40, 40, 1, 0), now, 10);
        assertEquals("EXCLUDED", out.status());
        assertEquals(Instant.parse("2027-02-28T00:00:00Z"), out.excludedUntil());
        assertEquals("EXCLUDED", GoodFaith.evaluate(member, window(20, 20, 1, 0.06), window(40, 40, 1, 0), now, 10)
                .status());
        // still excluded a month later however good the figures, admitted again after three months
        assertEquals("EXCLUDED", GoodFaith.evaluate(out, window(20, 20, 1, 0), window(40, 40, 1, 0),
                now.plus(Duration.ofDays(30)), 10).status());
        assertEquals("ADMITTED", GoodFaith.evaluate(out, window(20, 20, 1, 0), window(40, 40, 1, 0),
                now.plus(Duration.ofDays(95)), 10).status());
    }

    @Test
    void theAuditChainHashesEveryFieldAndThePreviousHash() {
        AuditRecord.Draft draft = new AuditRecord.Draft(AuditRecord.Subject.NOTICE_ITEM, "item-1", "PENDING", "ACCEPTED",
                new AuditRecord.Actor("reviewer-a", "reviewer", "", "demo"), "INFRINGEMENT_ESTABLISHED",
                Map.of("b", "2", "a", "1"));
        Instant at = Instant.parse("2026-11-29T10:00:00.123456Z");
        AuditRecord first = AuditRecord.chain("n-1", 1, AuditRecord.GENESIS, draft, at);
        AuditRecord second = AuditRecord.chain("n-1", 2, first.hash(), draft, at);
        assertEquals(64, first.hash().length());
        assertEquals(first.hash(), first.computeHash());
        assertNotEquals(first.hash(), second.hash());
        // the same content gives the same hash (details are sorted), any change another one
        assertEquals(first.hash(), AuditRecord.chain("n-1", 1, AuditRecord.GENESIS, new AuditRecord.Draft(
                draft.subject(), draft.subjectId(), draft.fromState(), draft.toState(), draft.actor(), draft.reason(),
                Map.of("a", "1", "b", "2")), at).hash());
        AuditRecord edited = new AuditRecord(first.noticeId(), 1, first.subject(), first.subjectId(), first.fromState(),
                "REJECTED", first.actorSubject(), first.actorRole(), first.actorOwnerId(), first.actorPlatform(),
                first.reason(), first.details(), first.occurredAt(), first.prevHash(), first.hash());
        assertNotEquals(first.hash(), edited.computeHash());
        // fields cannot run into each other: ("ab","c") and ("a","bc") differ
        AuditRecord x = AuditRecord.chain("n", 1, AuditRecord.GENESIS, new AuditRecord.Draft(AuditRecord.Subject.NOTICE,
                "ab", "c", "", draft.actor(), "", Map.of()), at);
        AuditRecord y = AuditRecord.chain("n", 1, AuditRecord.GENESIS, new AuditRecord.Draft(AuditRecord.Subject.NOTICE,
                "a", "bc", "", draft.actor(), "", Map.of()), at);
        assertNotEquals(x.hash(), y.hash());
    }
}
