package io.cloudsword.listing.grpc;

import static io.cloudsword.listing.grpc.Fixtures.WAIT;
import static io.cloudsword.listing.grpc.Fixtures.as;
import static io.cloudsword.listing.grpc.Fixtures.listing;
import static io.cloudsword.listing.grpc.Fixtures.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.listing.v1.ClearListingFlagRequest;
import io.cloudsword.api.listing.v1.IngestListingRequest;
import io.cloudsword.api.listing.v1.IngestListingResult;
import io.cloudsword.api.listing.v1.IngestListingsRequest;
import io.cloudsword.api.listing.v1.IngestListingsResponse;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.ListingService;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.api.listing.v1.ListListingTransitionsRequest;
import io.cloudsword.api.listing.v1.ListingTransition;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class IngestStreamTest {

    @GrpcClient("listing")
    ListingService anonymous;

    @Inject
    Pool db;

    private List<IngestListingsResponse> stream(String token, List<IngestListingsRequest> chunks) {
        return as(anonymous, token).ingestListings(Multi.createFrom().iterable(chunks)).collect().asList().await()
                .atMost(WAIT);
    }

    private static IngestListingsRequest chunk(String id, List<ListingInput> listings) {
        return IngestListingsRequest.newBuilder().setChunkId(id).addAllListings(listings).build();
    }

    @Test
    void oneBadItemInAThousandIsReportedWithItsFieldAndTheOther999AreStored() {
        String platform = Fixtures.platform();
        List<ListingInput> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ListingInput.Builder l = listing(platform, "item-" + i);
            if (i == 617) {
                l.setMarketCountry("XX");
            }
            items.add(l.build());
        }
        List<IngestListingsResponse> answers = stream(partner(platform), List.of(chunk("c1", items.subList(0, 500)),
                chunk("c2", items.subList(500, 1000))));

        assertEquals(List.of("c1", "c2"), answers.stream().map(IngestListingsResponse::getChunkId).toList());
        List<IngestListingResult> results = answers.stream().flatMap(a -> a.getResultsList().stream()).toList();
        assertEquals(1000, results.size());
        IngestListingResult bad = results.get(617);
        assertEquals(IngestListingResult.OutcomeCase.REJECTED, bad.getOutcomeCase());
        assertEquals(117, bad.getIndex()); // position in its chunk
        assertEquals("item-617", bad.getExternalId());
        assertEquals("market_country", bad.getRejected().getDetail().getField());
        assertEquals("INVALID_COUNTRY", bad.getRejected().getDetail().getReason());
        assertEquals(Status.Code.INVALID_ARGUMENT.value(), bad.getRejected().getCode());
        assertEquals(999, results.stream().filter(r -> r.getOutcomeCase() == IngestListingResult.OutcomeCase.ACCEPTED)
                .count());
        assertEquals(999L, count("SELECT count(*) FROM listing WHERE platform = '" + platform + "'"));
        assertEquals(0L, count("SELECT count(*) FROM listing WHERE platform = '" + platform
                + "' AND external_id = 'item-617'"));
    }

    @Test
    void theSameListingSentTwiceIsOneRow() {
        String platform = Fixtures.platform();
        ListingInput first = listing(platform, "twice").build();
        ListingInput second = listing(platform, "twice").setTitle("Running shoe, blue").build();
        List<IngestListingsResponse> answers = stream(partner(platform), List.of(chunk("a", List.of(first)),
                chunk("b", List.of(second)), chunk("c", List.of(second, second))));
        IngestListingResult a = answers.get(0).getResults(0);
        IngestListingResult b = answers.get(1).getResults(0);
        assertTrue(a.getAccepted().getCreated());
        assertFalse(b.getAccepted().getCreated());
        assertEquals(a.getAccepted().getListingId(), b.getAccepted().getListingId());
        assertFalse(answers.get(2).getResults(0).getAccepted().getCreated());
        assertFalse(answers.get(2).getResults(1).getAccepted().getCreated());
        assertEquals(1L, count("SELECT count(*) FROM listing WHERE platform = '" + platform + "'"));
        assertEquals("Running shoe, blue", as(anonymous, TestTokens.token("admin")).getListing(
                io.cloudsword.api.listing.v1.GetListingRequest.newBuilder().setId(a.getAccepted().getListingId()).build())
                .await().atMost(WAIT).getListing().getData().getTitle());
    }

    @Test
    void anOversizedChunkOrAnotherPlatformsListingEndsTheStream() {
        String platform = Fixtures.platform();
        List<ListingInput> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(listing(platform, "x" + i).build());
        }
        StatusRuntimeException oversized = assertThrows(StatusRuntimeException.class,
                () -> stream(partner(platform), List.of(chunk("big", tooMany))));
        assertEquals(Status.Code.INVALID_ARGUMENT, oversized.getStatus().getCode());
        assertEquals("TOO_MANY_ITEMS", detail(oversized).getReason());

        StatusRuntimeException foreign = assertThrows(StatusRuntimeException.class,
                () -> stream(partner(platform), List.of(chunk("f", List.of(listing("other-market", "y").build())))));
        assertEquals(Status.Code.PERMISSION_DENIED, foreign.getStatus().getCode());
        assertEquals("NOT_OWNER", detail(foreign).getReason());
        assertEquals(0L, count("SELECT count(*) FROM listing WHERE platform IN ('" + platform + "', 'other-market')"));
    }

    @Test
    void counterfeitVocabularyFlagsForReviewAndAClearedFlagStaysClearedUntilTheListingChanges() {
        String platform = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        ListingInput fake = listing(platform, "fake-1").setTitle("Super copy 1:1 replica running shoe").build();
        Listing flagged = admin.ingestListing(IngestListingRequest.newBuilder().setListing(fake).build()).await()
                .atMost(WAIT).getListing();
        assertEquals(ListingState.LISTING_STATE_FLAGGED, flagged.getState());
        assertTrue(flagged.getSignalsList().stream().anyMatch(s -> s.getCode().equals("COUNTERFEIT_VOCABULARY")
                && s.getWeight() > 0 && !s.getExplanation().isEmpty()));
        assertEquals(Math.min(100, flagged.getSignalsList().stream().mapToInt(s -> s.getWeight()).sum()),
                flagged.getRiskScore(), "the score is the sum of its signals' weights, capped at 100");

        Listing cleared = as(anonymous, TestTokens.token("reviewer")).clearListingFlag(ClearListingFlagRequest.newBuilder()
                .setListingId(flagged.getId()).setReason("Sold as a costume prop, described honestly").build())
                .await().atMost(WAIT).getListing();
        assertEquals(ListingState.LISTING_STATE_ACTIVE, cleared.getState());
        Listing resent = admin.ingestListing(IngestListingRequest.newBuilder().setListing(fake).build()).await()
                .atMost(WAIT).getListing();
        assertEquals(ListingState.LISTING_STATE_ACTIVE, resent.getState());
        Listing changed = admin.ingestListing(IngestListingRequest.newBuilder().setListing(fake.toBuilder()
                .setTitle("Super copy 1:1 replica running shoe, new batch")).build()).await().atMost(WAIT).getListing();
        assertEquals(ListingState.LISTING_STATE_FLAGGED, changed.getState());

        List<ListingTransition> transitions = admin.listListingTransitions(ListListingTransitionsRequest.newBuilder()
                .setListingId(flagged.getId()).build()).await().atMost(WAIT).getTransitionsList();
        assertEquals(List.of(ListingState.LISTING_STATE_FLAGGED, ListingState.LISTING_STATE_ACTIVE,
                ListingState.LISTING_STATE_FLAGGED), transitions.stream().map(ListingTransition::getToState).toList());
        assertEquals("test-reviewer", transitions.get(1).getActor().getSubject(),
                "the reviewer who cleared the flag is recorded");
    }

    @Test
    void aScoreNeverTakesAListingDown() {
        String platform = Fixtures.platform();
        Listing l = as(anonymous, TestTokens.token("admin")).ingestListing(IngestListingRequest.newBuilder()
                .setListing(listing(platform, "worst").setTitle("高仿 replica fake AAA super copy mirror quality 1:1 精仿"))
                .build()).await().atMost(WAIT).getListing();
        assertEquals(ListingState.LISTING_STATE_FLAGGED, l.getState());
        assertTrue(l.getRiskScore() <= 100);
    }

    private static ErrorDetail detail(StatusRuntimeException e) {
        try {
            com.google.rpc.Status status = StatusProto.fromThrowable(e);
            assertInstanceOf(com.google.rpc.Status.class, status);
            return status.getDetails(0).unpack(ErrorDetail.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }
}
