package io.cloudsword.complaint.grpc;

import static io.cloudsword.complaint.grpc.Parties.WAIT;
import static io.cloudsword.complaint.grpc.Parties.accept;
import static io.cloudsword.complaint.grpc.Parties.await;
import static io.cloudsword.complaint.grpc.Parties.reject;
import static org.junit.jupiter.api.Assertions.*;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.complaint.v1.*;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.complaint.domain.Deadlines;
import io.cloudsword.complaint.support.FakeListingService;
import io.cloudsword.complaint.support.TestClock;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.support.grpc.Refusals;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The workflow, transition by transition, and the transitions it refuses; the waiting periods
 * run on the test clock (moved, never slept) and fire through the deadline sweep.
 */
@QuarkusTest
class WorkflowGrpcTest {

    @GrpcClient("complaint")
    ComplaintService anonymous;

    @Inject
    Deadlines deadlines;

    @Test
    void reviewStartsOnceAndBelongsToItsReviewer() {
        Parties p = new Parties(anonymous);
        Notice n = p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_EU);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "notice_id", "INVALID_STATE_TRANSITION",
                p.reviewer.decideNotice(DecideNoticeRequest.newBuilder().setNoticeId(n.getId())
                        .addDecisions(accept(n.getItems(0))).build()));
        Notice started = p.startReview(n);
        assertEquals(NoticeState.NOTICE_STATE_UNDER_REVIEW, started.getState());
        assertEquals(started, p.startReview(n)); // the same reviewer again: unchanged
        StartNoticeReviewRequest other = StartNoticeReviewRequest.newBuilder().setNoticeId(n.getId()).build();
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "notice_id", "INVALID_STATE_TRANSITION",
                p.otherReviewer.startNoticeReview(other));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "notice_id", "INVALID_STATE_TRANSITION",
                p.otherReviewer.decideNotice(DecideNoticeRequest.newBuilder().setNoticeId(n.getId())
                        .addDecisions(accept(n.getItems(0))).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                p.notifier.startNoticeReview(other));
        Notice reassigned = p.admin.startNoticeReview(other.toBuilder().setReassign(true).build()).await().atMost(WAIT)
                .getNotice();
        assertEquals("test-admin", reassigned.getAssignedReviewer());
    }

    @Test
    void acceptedItemsAreTakenDownThroughListingServiceAndRejectedOnesStay() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(2, "shop-1");
        Notice n = p.file(listings, Jurisdiction.JURISDICTION_EU);
        p.startReview(n);
        Notice decided = p.reviewer.decideNotice(DecideNoticeRequest.newBuilder().setNoticeId(n.getId())
                .setLegalGround("Regulation (EU) 2017/1001 Art. 9(2)(a)")
                .addDecisions(accept(n.getItems(0))).addDecisions(reject(n.getItems(1))).build()).await().atMost(WAIT)
                .getNotice();
        assertEquals(NoticeState.NOTICE_STATE_ACCEPTED, decided.getState());
        NoticeItem accepted = decided.getItems(0);
        NoticeItem rejected = decided.getItems(1);
        assertEquals(NoticeItemState.NOTICE_ITEM_STATE_ACCEPTED, accepted.getState());
        assertEquals(StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED, accepted.getStatement().getDecision());
        assertEquals("Regulation (EU) 2017/1001 Art. 9(2)(a)", accepted.getStatement().getLegalGround());
        assertTrue(accepted.hasCounterNoticeDeadline());
        assertTrue(accepted.hasAppealDeadline());
        assertEquals(NoticeItemState.NOTICE_ITEM_STATE_REJECTED, rejected.getState());
        assertEquals(StatementDecision.STATEMENT_DECISION_NO_ACTION, rejected.getStatement().getDecision());
        await("the takedown reaches listing-service", () -> FakeListingService.state(listings.get(0).getId())
                == ListingState.LISTING_STATE_TAKEN_DOWN);
        await("the takedown is acknowledged on the item", () -> p.get(n.getId()).getItems(0).hasTakedownAppliedAt());
        assertEquals(ListingState.LISTING_STATE_ACTIVE, FakeListingService.state(listings.get(1).getId()));
        assertEquals("Bearer " + FakeListingService.SERVICE_TOKEN, FakeListingService.authorization("BatchTakeDownListings"));

        // the same decision again changes nothing; a different one needs an appeal
        Notice same = p.reviewer.decideNotice(DecideNoticeRequest.newBuilder().setNoticeId(n.getId())
                .addDecisions(accept(n.getItems(0))).build()).await().atMost(WAIT).getNotice();
        assertEquals(NoticeItemState.NOTICE_ITEM_STATE_ACCEPTED, same.getItems(0).getState());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "decisions[0].item_id",
                "INVALID_STATE_TRANSITION", p.reviewer.decideNotice(DecideNoticeRequest.newBuilder()
                        .setNoticeId(n.getId()).addDecisions(reject(n.getItems(0))).build()));
        assertEquals(1, FakeListingService.takedownEffects(listings.get(0).getId(), n.getId()));
    }

    @Test
    void aStaleVersionAndBadDecisionsAreRefusedAndChangeNothing() {
        Parties p = new Parties(anonymous);
        Notice n = p.startReview(p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_EU));
        DecideNoticeRequest.Builder d = DecideNoticeRequest.newBuilder().setNoticeId(n.getId());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.ABORTED, "expected_version", "VERSION_MISMATCH",
                p.reviewer.decideNotice(d.clone().addDecisions(accept(n.getItems(0))).setExpectedVersion(1).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "decisions", "FIELD_REQUIRED",
                p.reviewer.decideNotice(d.clone().build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "decisions[0].explanation",
                "FIELD_REQUIRED", p.reviewer.decideNotice(d.clone().addDecisions(accept(n.getItems(0)).toBuilder()
                        .setExplanation("")).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "decisions[0].item_id", "NOTICE_ITEM_NOT_FOUND",
                p.reviewer.decideNotice(d.clone().addDecisions(accept(n.getItems(0)).toBuilder()
                        .setItemId(java.util.UUID.randomUUID().toString())).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "decisions[0].territorial_scope[0]",
                "INVALID_COUNTRY", p.reviewer.decideNotice(d.clone().addDecisions(accept(n.getItems(0)).toBuilder()
                        .addTerritorialScope("XX")).build()));
        Notice after = p.get(n.getId());
        assertEquals(n.getVersion(), after.getVersion());
        Parties.assertItemStates(after, NoticeItemState.NOTICE_ITEM_STATE_PENDING);
    }

    @Test
    void aRejectedNoticeTakesNoCounterNoticeAndRejectingIsIdempotent() {
        Parties p = new Parties(anonymous);
        Notice n = p.file(p.listings(2, "s"), Jurisdiction.JURISDICTION_CN);
        RejectNoticeRequest rejectAll = RejectNoticeRequest.newBuilder().setNoticeId(n.getId())
                .setReason("INSUFFICIENT_EVIDENCE").setExplanation("The notice does not show which goods infringe.").build();
        Notice rejected = p.reviewer.rejectNotice(rejectAll).await().atMost(WAIT).getNotice();
        assertEquals(NoticeState.NOTICE_STATE_REJECTED, rejected.getState());
        Parties.assertItemStates(rejected, NoticeItemState.NOTICE_ITEM_STATE_REJECTED);
        assertEquals(rejected, p.reviewer.rejectNotice(rejectAll).await().atMost(WAIT).getNotice());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "item_ids[0]",
                "INVALID_STATE_TRANSITION", p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "notice_id", "INVALID_STATE_TRANSITION",
                p.notifier.withdrawNotice(WithdrawNoticeRequest.newBuilder().setNoticeId(n.getId()).build()));
    }

    @Test
    void aCounterNoticedCnNoticeIsRestoredAfter15DaysWithoutProof() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(2, "shop-cn");
        Notice n = p.decideAll(p.file(listings, Jurisdiction.JURISDICTION_CN), true);
        await("taken down", () -> listings.stream().allMatch(l -> FakeListingService.state(l.getId())
                == ListingState.LISTING_STATE_TAKEN_DOWN));
        SubmitCounterNoticeResponse cn = p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).build())
                .await().atMost(WAIT);
        assertEquals(CounterNoticeState.COUNTER_NOTICE_STATE_FORWARDED, cn.getCounterNotice().getState());
        Parties.assertItemStates(cn.getNotice(), NoticeItemState.NOTICE_ITEM_STATE_COUNTER_NOTICED);
        Instant forwarded = ProtoTime.fromProto(cn.getCounterNotice().getForwardedAt());
        Instant deadline = ProtoTime.fromProto(cn.getNotice().getItems(0).getLegalActionDeadline());
        assertEquals(Duration.ofDays(15), Duration.between(forwarded, deadline));

        TestClock.advance(Duration.ofDays(14));
        deadlines.fireDue();
        Parties.assertItemStates(p.get(n.getId()), NoticeItemState.NOTICE_ITEM_STATE_COUNTER_NOTICED);
        TestClock.advance(Duration.ofDays(1).plusSeconds(1));
        assertTrue(deadlines.fireDue() >= 2);
        Notice restored = p.get(n.getId());
        assertEquals(NoticeState.NOTICE_STATE_CLOSED, restored.getState());
        Parties.assertItemStates(restored, NoticeItemState.NOTICE_ITEM_STATE_RESTORED);
        assertEquals(StatementDecision.STATEMENT_DECISION_CONTENT_RESTORED, restored.getItems(0).getStatement().getDecision());
        await("restored in listing-service", () -> listings.stream().allMatch(l -> FakeListingService.state(l.getId())
                == ListingState.LISTING_STATE_ACTIVE));
        assertEquals(CounterNoticeState.COUNTER_NOTICE_STATE_SUCCEEDED, p.partner.getCounterNotice(
                GetCounterNoticeRequest.newBuilder().setId(cn.getCounterNotice().getId()).build()).await().atMost(WAIT)
                .getCounterNotice().getState());
        // the timer fired once: another sweep leaves the notice as it is, and the proof now comes too late
        deadlines.fireDue();
        Parties.assertItemStates(p.get(n.getId()), NoticeItemState.NOTICE_ITEM_STATE_RESTORED);
        listings.forEach(l -> assertEquals(1, FakeListingService.restoreEffects(l.getId(), n.getId())));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "item_ids",
                "INVALID_STATE_TRANSITION", p.notifier.submitLegalActionProof(p.proof(n).build()));
        assertNull(FakeListingService.strike(p.platform, "shop-cn", n.getId()));
    }

    @Test
    void proofFiledOnDay14UpholdsTheItemsAndTheShopGetsItsStrike() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(2, "shop-cn");
        Notice n = p.decideAll(p.file(listings, Jurisdiction.JURISDICTION_CN), true);
        p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).build()).await().atMost(WAIT);
        TestClock.advance(Duration.ofDays(14));
        SubmitLegalActionProofResponse proved = p.notifier.submitLegalActionProof(p.proof(n).build()).await()
                .atMost(WAIT);
        Parties.assertItemStates(proved.getNotice(), NoticeItemState.NOTICE_ITEM_STATE_UPHELD);
        assertEquals(NoticeState.NOTICE_STATE_CLOSED, proved.getNotice().getState());
        await("one strike for the shop", () -> FakeListingService.strike(p.platform, "shop-cn", n.getId()) != null);
        String strike = FakeListingService.strike(p.platform, "shop-cn", n.getId());
        await("the strike is recorded on the items", () -> p.get(n.getId()).getItemsList().stream()
                .allMatch(i -> i.getStrikeId().equals(strike)));
        TestClock.advance(Duration.ofDays(2));
        deadlines.fireDue(); // upheld items have no timer left
        Parties.assertItemStates(p.get(n.getId()), NoticeItemState.NOTICE_ITEM_STATE_UPHELD);
        listings.forEach(l -> assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, FakeListingService.state(l.getId())));
    }

    @Test
    void proofAfterThePeriodEndedIsRefused() {
        Parties p = new Parties(anonymous);
        Notice n = p.decideAll(p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_CN), true);
        p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).build()).await().atMost(WAIT);
        TestClock.advance(Duration.ofDays(15).plusMinutes(1));
        // the sweep has not run yet: the deadline itself refuses the proof
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "item_ids[0]", "DEADLINE_PASSED",
                p.notifier.submitLegalActionProof(p.proof(n).build()));
        Parties.assertItemStates(p.get(n.getId()), NoticeItemState.NOTICE_ITEM_STATE_COUNTER_NOTICED);
    }

    @Test
    void withoutACounterNoticeAnAcceptedItemIsUpheldAfterItsPeriod() {
        Parties p = new Parties(anonymous);
        Notice n = p.decideAll(p.file(p.listings(1, "shop-u"), Jurisdiction.JURISDICTION_EU), true);
        TestClock.advance(Duration.ofDays(15).plusSeconds(1));
        deadlines.fireDue();
        Notice upheld = p.get(n.getId());
        Parties.assertItemStates(upheld, NoticeItemState.NOTICE_ITEM_STATE_UPHELD);
        await("strike", () -> FakeListingService.strike(p.platform, "shop-u", n.getId()) != null);
        // a counter-notice now comes too late
        Refusals.assertRefused(ErrorDetail.class, Status.Code.FAILED_PRECONDITION, "item_ids[0]",
                "INVALID_STATE_TRANSITION", p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).build()));
    }

    @Test
    void aUsCounterNoticeWaitsTenBusinessDaysAndNeedsAnAddressAndConsent() {
        Parties p = new Parties(anonymous);
        Notice n = p.decideAll(p.file(p.listings(1, "s"), Jurisdiction.JURISDICTION_US), true);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "seller_address", "FIELD_REQUIRED",
                p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).setSellerAddress("").build()));
        SubmitCounterNoticeResponse cn = p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).build())
                .await().atMost(WAIT);
        Instant from = ProtoTime.fromProto(cn.getCounterNotice().getReceivedAt());
        Instant restore = ProtoTime.fromProto(cn.getNotice().getItems(0).getRestoreNotBefore());
        int businessDays = 0;
        for (var d = from.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
                !d.isAfter(restore.atZone(ZoneOffset.UTC).toLocalDate()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                businessDays++;
            }
        }
        assertEquals(10, businessDays);
        assertTrue(Duration.between(from, restore).toDays() >= 14, "ten business days span two weekends");
    }

    @Test
    void counterNoticesAreTheirShopsPartnersAndCoverOneShop() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(1, "shop-a");
        listings = new java.util.ArrayList<>(listings);
        listings.addAll(p.listings(1, "shop-b"));
        Notice n = p.decideAll(p.file(listings, Jurisdiction.JURISDICTION_EU), true);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "item_ids[1]", "MIXED_SHOPS",
                p.partner.submitCounterNotice(p.counterNotice(n, n.getItemsList()).build()));
        Parties otherPlatform = new Parties(anonymous);
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "notice_id", "NOTICE_NOT_FOUND",
                otherPlatform.partner.submitCounterNotice(p.counterNotice(n, List.of(n.getItems(0))).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "evidence", "FIELD_REQUIRED",
                p.partner.submitCounterNotice(p.counterNotice(n, List.of(n.getItems(0))).clearEvidence().build()));
        SubmitCounterNoticeRequest ok = p.counterNotice(n, List.of(n.getItems(0))).build();
        SubmitCounterNoticeResponse first = p.partner.submitCounterNotice(ok).await().atMost(WAIT);
        assertTrue(first.getCreated());
        assertFalse(p.partner.submitCounterNotice(ok).await().atMost(WAIT).getCreated());
    }

    @Test
    void withdrawingLiftsTheTakedownsAndEndsOpenItems() {
        Parties p = new Parties(anonymous);
        List<Listing> listings = p.listings(2, "s");
        Notice n = p.file(listings, Jurisdiction.JURISDICTION_EU);
        p.startReview(n);
        p.reviewer.decideNotice(DecideNoticeRequest.newBuilder().setNoticeId(n.getId())
                .addDecisions(accept(n.getItems(0))).build()).await().atMost(WAIT);
        await("taken down", () -> FakeListingService.state(listings.get(0).getId()) == ListingState.LISTING_STATE_TAKEN_DOWN);
        WithdrawNoticeRequest withdraw = WithdrawNoticeRequest.newBuilder().setNoticeId(n.getId())
                .setReason("Settled with the seller").build();
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                p.partner.withdrawNotice(withdraw));
        Notice withdrawn = p.notifier.withdrawNotice(withdraw).await().atMost(WAIT).getNotice();
        assertEquals(NoticeState.NOTICE_STATE_WITHDRAWN, withdrawn.getState());
        Parties.assertItemStates(withdrawn, NoticeItemState.NOTICE_ITEM_STATE_WITHDRAWN);
        await("restored", () -> FakeListingService.state(listings.get(0).getId()) == ListingState.LISTING_STATE_ACTIVE);
        Notice again = p.notifier.withdrawNotice(withdraw).await().atMost(WAIT).getNotice();
        assertEquals(NoticeState.NOTICE_STATE_WITHDRAWN, again.getState());
        assertEquals(1, FakeListingService.restoreEffects(listings.get(0).getId(), n.getId()));
    }
}
