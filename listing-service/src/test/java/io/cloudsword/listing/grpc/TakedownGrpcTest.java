package io.cloudsword.listing.grpc;

import static io.cloudsword.listing.grpc.Fixtures.WAIT;
import static io.cloudsword.listing.grpc.Fixtures.as;
import static io.cloudsword.listing.grpc.Fixtures.listing;
import static io.cloudsword.listing.grpc.Fixtures.partner;
import static io.cloudsword.listing.grpc.Fixtures.removal;
import static io.cloudsword.listing.grpc.Fixtures.restoration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.listing.v1.*;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class TakedownGrpcTest {

    @GrpcClient("listing")
    ListingService anonymous;

    @Inject
    Pool db;

    ListingService system;
    String platform;

    @BeforeEach
    void setUp() {
        system = as(anonymous, TestTokens.token("system"));
        platform = Fixtures.platform();
    }

    private Listing ingest(String externalId) {
        return system == null ? null : as(anonymous, TestTokens.token("admin")).ingestListing(IngestListingRequest
                .newBuilder().setListing(listing(platform, externalId)).build()).await().atMost(WAIT).getListing();
    }

    private TakeDownListingResponse takeDown(String listingId, String notice) {
        return system.takeDownListing(TakeDownListingRequest.newBuilder().setListingId(listingId).setNoticeId(notice)
                .setStatement(removal(notice)).build()).await().atMost(WAIT);
    }

    private RestoreListingResponse restore(String listingId, String notice) {
        return system.restoreListing(RestoreListingRequest.newBuilder().setListingId(listingId).setNoticeId(notice)
                .setStatement(restoration(notice)).build()).await().atMost(WAIT);
    }

    @Test
    void aTakedownDeliveredTwiceTakesDownOnceAndRecordsTheStatementOfReasons() {
        Listing l = ingest("a");
        TakeDownListingResponse first = takeDown(l.getId(), "notice-1");
        assertTrue(first.getChanged());
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, first.getListing().getState());
        assertEquals(List.of("notice-1"), first.getListing().getTakedownNoticeIdsList());
        TakeDownListingResponse again = takeDown(l.getId(), "notice-1");
        assertFalse(again.getChanged());
        assertEquals(first.getListing(), again.getListing());

        List<ListingTransition> transitions = system.listListingTransitions(ListListingTransitionsRequest.newBuilder()
                .setListingId(l.getId()).build()).await().atMost(WAIT).getTransitionsList();
        assertEquals(1, transitions.size(), "ingest as ACTIVE is no transition; the takedown is one");
        ListingTransition t = transitions.get(0);
        assertEquals(ListingState.LISTING_STATE_ACTIVE, t.getFromState());
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, t.getToState());
        assertEquals("notice-1", t.getNoticeId());
        assertEquals("test-system", t.getActor().getSubject());
        assertEquals(StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED, t.getStatement().getDecision());
        assertEquals(removal("notice-1").getLegalGround(), t.getStatement().getLegalGround());
    }

    @Test
    void aListingHeldByTwoNoticesComesBackOnlyWhenBothAreReleasedAndALateDuplicateCannotTakeItDownAgain() {
        Listing l = ingest("b");
        takeDown(l.getId(), "n1");
        assertTrue(takeDown(l.getId(), "n2").getChanged());
        RestoreListingResponse one = restore(l.getId(), "n1");
        assertTrue(one.getChanged());
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, one.getListing().getState());
        assertEquals(List.of("n2"), one.getListing().getTakedownNoticeIdsList());
        RestoreListingResponse two = restore(l.getId(), "n2");
        assertEquals(ListingState.LISTING_STATE_RESTORED, two.getListing().getState());
        assertFalse(restore(l.getId(), "n2").getChanged());
        assertFalse(restore(l.getId(), "never-held").getChanged());

        TakeDownListingResponse late = takeDown(l.getId(), "n1");
        assertFalse(late.getChanged(), "a re-delivered takedown after its restore must not apply again");
        assertEquals(ListingState.LISTING_STATE_RESTORED, late.getListing().getState());
        assertTrue(takeDown(l.getId(), "n3").getChanged(), "a new notice takes a restored listing down");
    }

    @Test
    void refusalsNameTheFieldAndStoreNothing() {
        Listing l = ingest("c");
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "statement", "FIELD_REQUIRED",
                system.takeDownListing(TakeDownListingRequest.newBuilder().setListingId(l.getId()).setNoticeId("n")
                        .build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "statement.decision", "INVALID_DECISION",
                system.takeDownListing(TakeDownListingRequest.newBuilder().setListingId(l.getId()).setNoticeId("n")
                        .setStatement(restoration("n")).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "notice_id", "FIELD_REQUIRED",
                system.takeDownListing(TakeDownListingRequest.newBuilder().setListingId(l.getId())
                        .setStatement(removal("n")).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "listing_id", "LISTING_NOT_FOUND",
                system.takeDownListing(TakeDownListingRequest.newBuilder().setListingId(UUID.randomUUID().toString())
                        .setNoticeId("n").setStatement(removal("n")).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(anonymous, partner(platform)).takeDownListing(TakeDownListingRequest.newBuilder()
                        .setListingId(l.getId()).setNoticeId("n").setStatement(removal("n")).build()));
        String reviewerOfAnother = TestTokens.TOKENS.token("rev").role("reviewer").claim("platform_id", "other-market")
                .sign();
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                as(anonymous, reviewerOfAnother).takeDownListing(TakeDownListingRequest.newBuilder()
                        .setListingId(l.getId()).setNoticeId("n").setStatement(removal("n")).build()));
        assertEquals(0L, count("SELECT count(*) FROM listing_hold WHERE listing_id = '" + l.getId() + "'"));
        assertEquals(0L, count("SELECT count(*) FROM listing_transition WHERE listing_id = '" + l.getId() + "'"));
        assertEquals(ListingState.LISTING_STATE_ACTIVE, system.getListing(GetListingRequest.newBuilder()
                .setId(l.getId()).build()).await().atMost(WAIT).getListing().getState());
    }

    @Test
    void aBatchAnswersPerItemAndOneBadItemDoesNotStopTheOthers() {
        Listing a = ingest("d1");
        Listing b = ingest("d2");
        BatchTakeDownListingsResponse r = system.batchTakeDownListings(BatchTakeDownListingsRequest.newBuilder()
                .addRequests(TakeDownListingRequest.newBuilder().setListingId(a.getId()).setNoticeId("bn")
                        .setStatement(removal("bn")))
                .addRequests(TakeDownListingRequest.newBuilder().setListingId(UUID.randomUUID().toString())
                        .setNoticeId("bn").setStatement(removal("bn")))
                .addRequests(TakeDownListingRequest.newBuilder().setListingId(b.getId()).setNoticeId("bn")
                        .setStatement(removal("bn")))
                .build()).await().atMost(WAIT);
        assertEquals(3, r.getResultsCount());
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, r.getResults(0).getState());
        assertEquals("LISTING_NOT_FOUND", r.getResults(1).getError().getDetail().getReason());
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, r.getResults(2).getState());
        assertTrue(r.getResults(2).getChanged());
    }

    @Test
    void aBatchRepeatedOrWithDuplicatesTakesEachListingDownOnceWithOneTransition() {
        Listing a = ingest("f1");
        Listing b = ingest("f2");
        BatchTakeDownListingsRequest batch = BatchTakeDownListingsRequest.newBuilder()
                .addRequests(TakeDownListingRequest.newBuilder().setListingId(a.getId()).setNoticeId("fn1")
                        .setStatement(removal("fn1")))
                .addRequests(TakeDownListingRequest.newBuilder().setListingId(a.getId()).setNoticeId("fn1")
                        .setStatement(removal("fn1")))
                .addRequests(TakeDownListingRequest.newBuilder().setListingId(a.getId()).setNoticeId("fn2")
                        .setStatement(removal("fn2")))
                .addRequests(TakeDownListingRequest.newBuilder().setListingId(b.getId()).setNoticeId("fn1"))
                .build();
        BatchTakeDownListingsResponse first = system.batchTakeDownListings(batch).await().atMost(WAIT);
        assertTrue(first.getResults(0).getChanged());
        assertFalse(first.getResults(1).getChanged(), "a duplicate in the batch changes nothing");
        assertTrue(first.getResults(2).getChanged(), "a second notice adds its own hold");
        assertEquals("FIELD_REQUIRED", first.getResults(3).getError().getDetail().getReason());
        assertEquals("statement", first.getResults(3).getError().getDetail().getField());
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, first.getResults(2).getState());
        assertEquals(2L, count("SELECT count(*) FROM listing_hold WHERE listing_id = '" + a.getId() + "'"));
        assertEquals(1L, count("SELECT count(*) FROM listing_transition WHERE listing_id = '" + a.getId()
                + "' AND to_state = 'TAKEN_DOWN'"));
        assertEquals(0L, count("SELECT count(*) FROM listing_hold WHERE listing_id = '" + b.getId() + "'"));
        BatchTakeDownListingsResponse again = system.batchTakeDownListings(batch).await().atMost(WAIT);
        assertFalse(again.getResults(0).getChanged());
        assertFalse(again.getResults(2).getChanged());
        assertEquals(1L, count("SELECT count(*) FROM listing_transition WHERE listing_id = '" + a.getId()
                + "' AND to_state = 'TAKEN_DOWN'"));
        assertEquals(List.of("fn1", "fn2"), system.getListing(GetListingRequest.newBuilder().setId(a.getId()).build())
                .await().atMost(WAIT).getListing().getTakedownNoticeIdsList().stream().sorted().toList());
    }

    @Test
    void aSellerRemovedListingKeepsItsHoldAndComesBackDownWhenListedAgain() {
        Listing l = ingest("e");
        MarkRemovedBySellerResponse removed = as(anonymous, partner(platform)).markRemovedBySeller(
                MarkRemovedBySellerRequest.newBuilder().setListing(ListingKey.newBuilder().setExternal(
                        PlatformListingKey.newBuilder().setPlatform(platform).setExternalId("e"))).build())
                .await().atMost(WAIT);
        assertEquals(ListingState.LISTING_STATE_REMOVED_BY_SELLER, removed.getListing().getState());
        TakeDownListingResponse held = takeDown(l.getId(), "n-removed");
        assertTrue(held.getChanged());
        assertEquals(ListingState.LISTING_STATE_REMOVED_BY_SELLER, held.getListing().getState());
        Listing relisted = ingest("e");
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, relisted.getState());
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }
}
