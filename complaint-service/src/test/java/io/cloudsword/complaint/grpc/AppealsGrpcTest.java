package io.cloudsword.complaint.grpc;

import static io.cloudsword.complaint.grpc.Parties.WAIT;
import static io.cloudsword.complaint.grpc.Parties.await;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.complaint.domain.Deadlines;
import io.cloudsword.complaint.support.FakeBrandRegistry;
import io.cloudsword.complaint.support.FakeListingService;
import io.cloudsword.complaint.support.TestClock;
import io.cloudsword.support.grpc.Refusals;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

/** Appeals (DSA Art. 20) and notifier accountability (abuse marks, suspension from filing, statistics). */
@QuarkusTest
class AppealsGrpcTest {

    @GrpcClient("complaint")
    ComplaintService anonymous;

    @Inject
    Deadlines deadlines;

    private static FileAppealRequest.Builder appeal(Notice n, AppellantRole role) {
        FileAppealRequest.Builder b = FileAppealRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
                .setNoticeId(n.getId()).setAppellant(role).setGrounds("The decision overlooked the invoice we sent.")
                .setContactEmail("appeals@party.example");
        n.getItemsList().forEach(i -> b.addItemIds(i.getId()));
        return b;
    }

    private static DecideAppealRequest decision(Appeal a, AppealOutcome outcome) {
        return DecideAppealRequest.newBuilder().setAppealId(a.getId()).setOutcome(outcome)
                .setExplanation("On a second look the goods are genuine.").build();
    }

    @Test
    void aSellersAppealIsDecidedByAnotherReviewerAndAGrantRestoresAndRevokesTheStrike() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(1, "shop-x");
        Notice n = p.decideAll(p.file(listings, Jurisdiction.JURISDICTION_EU), true);
        TestClock.advance(Duration.ofDays(16));
        deadlines.fireDue();
        await("strike", () -> FakeListingService.strike(p.platform, "shop-x", n.getId()) != null);
        Appeal a = p.partner.fileAppeal(appeal(n, AppellantRole.APPELLANT_ROLE_SELLER).build()).await().atMost(WAIT)
                .getAppeal();
        assertEquals(AppealState.APPEAL_STATE_FILED, a.getState());
        assertEquals("reviewer-a-" + p.platform, a.getOriginalReviewer());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "SAME_REVIEWER",
                p.reviewer.decideAppeal(decision(a, AppealOutcome.APPEAL_OUTCOME_GRANT)));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "item_ids",
                "INVALID_STATE_TRANSITION", p.partner.fileAppeal(appeal(n, AppellantRole.APPELLANT_ROLE_SELLER).build()));
        // the queue lists the appeal, naming the reviewer who may not decide it
        List<ReviewTask> queue = p.otherReviewer.listReviewQueue(ListReviewQueueRequest.newBuilder()
                .setPlatform(p.platform).addTypes(ReviewTaskType.REVIEW_TASK_TYPE_APPEAL).build()).await().atMost(WAIT)
                .getTasksList();
        assertEquals(1, queue.size());
        assertEquals("reviewer-a-" + p.platform, queue.get(0).getExcludedReviewer());

        DecideAppealResponse granted = p.otherReviewer.decideAppeal(decision(a, AppealOutcome.APPEAL_OUTCOME_GRANT))
                .await().atMost(WAIT);
        assertEquals(AppealState.APPEAL_STATE_GRANTED, granted.getAppeal().getState());
        Parties.assertItemStates(granted.getNotice(), NoticeItemState.NOTICE_ITEM_STATE_RESTORED);
        String strike = FakeListingService.strike(p.platform, "shop-x", n.getId());
        await("strike revoked", () -> FakeListingService.strikeRevoked(strike));
        await("restored", () -> FakeListingService.state(listings.get(0).getId()) == ListingState.LISTING_STATE_ACTIVE);
        // the same outcome again is a no-op; the other one is refused
        assertEquals(AppealState.APPEAL_STATE_GRANTED, p.otherReviewer.decideAppeal(
                decision(a, AppealOutcome.APPEAL_OUTCOME_GRANT)).await().atMost(WAIT).getAppeal().getState());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "appeal_id", "INVALID_STATE_TRANSITION",
                p.otherReviewer.decideAppeal(decision(a, AppealOutcome.APPEAL_OUTCOME_DENY)));
    }

    @Test
    void aNotifiersGrantedAppealTakesTheListingDownAndADeniedOneChangesNothing() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(1, "s");
        Notice n = p.decideAll(p.file(listings, Jurisdiction.JURISDICTION_EU), false);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "item_ids[0]",
                "INVALID_STATE_TRANSITION", p.partner.fileAppeal(appeal(n, AppellantRole.APPELLANT_ROLE_SELLER).build()));
        // another rights owner does not even learn that the notice exists
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "notice_id", "NOTICE_NOT_FOUND",
                new Parties(anonymous).notifier.fileAppeal(appeal(n, AppellantRole.APPELLANT_ROLE_NOTIFIER).build()));
        Appeal a = p.notifier.fileAppeal(appeal(n, AppellantRole.APPELLANT_ROLE_NOTIFIER).build()).await().atMost(WAIT)
                .getAppeal();
        Notice after = p.otherReviewer.decideAppeal(decision(a, AppealOutcome.APPEAL_OUTCOME_GRANT)).await().atMost(WAIT)
                .getNotice();
        Parties.assertItemStates(after, NoticeItemState.NOTICE_ITEM_STATE_ACCEPTED);
        await("taken down", () -> FakeListingService.state(listings.get(0).getId()) == ListingState.LISTING_STATE_TAKEN_DOWN);

        Parties q = new Parties(anonymous);
        Notice m = q.decideAll(q.file(q.listings(1, "s"), Jurisdiction.JURISDICTION_EU), false);
        Appeal b = q.notifier.fileAppeal(appeal(m, AppellantRole.APPELLANT_ROLE_NOTIFIER).build()).await().atMost(WAIT)
                .getAppeal();
        Notice denied = q.otherReviewer.decideAppeal(decision(b, AppealOutcome.APPEAL_OUTCOME_DENY)).await().atMost(WAIT)
                .getNotice();
        Parties.assertItemStates(denied, NoticeItemState.NOTICE_ITEM_STATE_REJECTED);
    }

    @Test
    void anAppealAfterSixMonthsIsRefused() {
        Parties p = new Parties(anonymous);
        Notice n = p.decideAll(p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_EU), false);
        TestClock.advance(Duration.ofDays(185));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "item_ids[0]", "DEADLINE_PASSED",
                p.notifier.fileAppeal(appeal(n, AppellantRole.APPELLANT_ROLE_NOTIFIER).build()));
    }

    @Test
    void repeatedManifestlyUnfoundedNoticesSuspendTheNotifierFromFiling() {
        Parties p = new Parties(anonymous);
        boolean suspended = false;
        for (int i = 0; i < 3; i++) {
            Notice n = p.decideAll(p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_EU), false);
            MarkNoticeAbusiveRequest mark = MarkNoticeAbusiveRequest.newBuilder().setNoticeId(n.getId())
                    .setKind(NoticeAbuseKind.NOTICE_ABUSE_KIND_MANIFESTLY_UNFOUNDED)
                    .setExplanation("The listing is the notifier's own authorized reseller.").build();
            MarkNoticeAbusiveResponse r = p.reviewer.markNoticeAbusive(mark).await().atMost(WAIT);
            assertEquals(1, r.getNotice().getAbuseMarksCount());
            // marking the same notice again counts once
            assertFalse(p.reviewer.markNoticeAbusive(mark).await().atMost(WAIT).getNotifierSuspended());
            suspended = r.getNotifierSuspended();
            assertEquals(i == 2, suspended, "suspended after the third, not before");
        }
        assertTrue(suspended);
        await("brand-registry is told", () -> FakeBrandRegistry.suspension(p.owner.id()) != null);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOTIFIER_SUSPENDED",
                p.notifier.submitNotice(p.notice(p.listings(1, "s"), Jurisdiction.JURISDICTION_EU).build()));
        NotifierStats stats = p.notifier.getNotifierStats(GetNotifierStatsRequest.newBuilder()
                .setNotifierOwnerId(p.owner.id()).build()).await().atMost(WAIT).getStats();
        assertTrue(stats.getSuspendedFromFiling());
        assertEquals(3, stats.getLast3Months().getManifestlyUnfounded());
        assertEquals(3, stats.getLast6Months().getItemsDecided());
        assertEquals(0.0, stats.getLast6Months().getAcceptanceRate());
        assertEquals(GoodFaithStatus.GOOD_FAITH_STATUS_NOT_ADMITTED, stats.getGoodFaithStatus());
    }

    @Test
    void anAcceptedNoticeCannotBeMarkedUnfounded() {
        Parties p = new Parties(anonymous);
        Notice n = p.decideAll(p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_EU), true);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "notice_id", "INVALID_STATE_TRANSITION",
                p.reviewer.markNoticeAbusive(MarkNoticeAbusiveRequest.newBuilder().setNoticeId(n.getId())
                        .setKind(NoticeAbuseKind.NOTICE_ABUSE_KIND_MALICIOUS).setExplanation("x").build()));
    }

    @Test
    void aNotifierWithTenAcceptedItemsIsAdmittedToTheGoodFaithProgramAndStatsAreItsOwn() {
        Parties p = new Parties(anonymous);
        p.decideAll(p.file(p.listings(10, "s"), Jurisdiction.JURISDICTION_EU), true);
        NotifierStats stats = p.notifier.getNotifierStats(GetNotifierStatsRequest.newBuilder()
                .setNotifierOwnerId(p.owner.id()).build()).await().atMost(WAIT).getStats();
        assertEquals(10, stats.getLast6Months().getItemsAccepted());
        assertEquals(1.0, stats.getLast6Months().getAcceptanceRate());
        assertEquals(GoodFaithStatus.GOOD_FAITH_STATUS_ADMITTED, stats.getGoodFaithStatus());
        assertEquals(1, stats.getLast6Months().getLatency().getDecided());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                new Parties(anonymous).notifier.getNotifierStats(GetNotifierStatsRequest.newBuilder()
                        .setNotifierOwnerId(p.owner.id()).build()));
    }
}
