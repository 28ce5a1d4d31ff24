package io.cloudsword.listing.grpc;

import static io.cloudsword.listing.grpc.Fixtures.WAIT;
import static io.cloudsword.listing.grpc.Fixtures.as;
import static io.cloudsword.listing.grpc.Fixtures.listing;
import static io.cloudsword.listing.grpc.Fixtures.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.api.listing.v1.*;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SearchGrpcTest {

    @GrpcClient("listing")
    ListingService anonymous;

    private Listing ingest(ListingService as, ListingInput.Builder l) {
        return as.ingestListing(IngestListingRequest.newBuilder().setListing(l).build()).await().atMost(WAIT).getListing();
    }

    @Test
    void pagesStayStableWhileNewListingsArrive() {
        String platform = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        for (int i = 0; i < 23; i++) {
            ingest(admin, listing(platform, "p" + i));
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (true) {
            ListListingsResponse page = admin.listListings(ListListingsRequest.newBuilder().setPlatform(platform)
                    .setOrder(ListingOrder.LISTING_ORDER_CREATED_AT_DESC)
                    .setPage(PageRequest.newBuilder().setFirst(5).setAfter(after)).build()).await().atMost(WAIT);
            page.getListingsList().forEach(l -> {
                assertTrue(seen.add(l.getId()), "no listing twice");
                order.add(l.getData().getExternalId());
            });
            ingest(admin, listing(platform, "new-" + pages)); // arrives between pages, newer than every cursor
            pages++;
            if (!page.getPageInfo().getHasNextPage()) {
                break;
            }
            after = page.getPageInfo().getEndCursor();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 22; i >= 0; i--) {
            expected.add("p" + i);
        }
        assertEquals(expected, order, "every listing of the first moment exactly once, newest first");
        assertEquals(5, pages);
    }

    @Test
    void filtersByStateScoreAndTextFoldedLikeScoring() {
        String platform = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        Listing fake = ingest(admin, listing(platform, "f").setTitle("Replica trail runner, super copy"));
        Listing plain = ingest(admin, listing(platform, "g").setTitle("Trail runner, barely worn"));
        ListListingsResponse flagged = admin.listListings(ListListingsRequest.newBuilder().setPlatform(platform)
                .addStates(ListingState.LISTING_STATE_FLAGGED).build()).await().atMost(WAIT);
        assertEquals(List.of(fake.getId()), flagged.getListingsList().stream().map(Listing::getId).toList());
        ListListingsResponse byScore = admin.listListings(ListListingsRequest.newBuilder().setPlatform(platform)
                .setOrder(ListingOrder.LISTING_ORDER_RISK_SCORE_DESC).build()).await().atMost(WAIT);
        assertEquals(List.of(fake.getId(), plain.getId()), byScore.getListingsList().stream().map(Listing::getId).toList());
        assertEquals(List.of(fake.getId()), admin.listListings(ListListingsRequest.newBuilder().setPlatform(platform)
                .setMinRiskScore(fake.getRiskScore()).build()).await().atMost(WAIT).getListingsList().stream()
                .map(Listing::getId).toList());
        // full-width letters and upper case find the folded text
        assertEquals(List.of(plain.getId()), admin.listListings(ListListingsRequest.newBuilder().setPlatform(platform)
                .setText("ＢＡＲＥＬＹ  Worn").build()).await().atMost(WAIT).getListingsList().stream().map(Listing::getId)
                .toList());
        assertEquals(0, admin.listListings(ListListingsRequest.newBuilder().setPlatform(platform).setText("100%_")
                .build()).await().atMost(WAIT).getListingsCount(), "LIKE wildcards in the query are plain characters");
    }

    @Test
    void aPartnerSearchesItsOwnPlatformOnlyAndCursorsBelongToTheirQuery() {
        String platform = Fixtures.platform();
        String other = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        ingest(admin, listing(platform, "mine"));
        ingest(admin, listing(other, "theirs"));
        ListingService partner = as(anonymous, partner(platform));
        List<Listing> mine = partner.listListings(ListListingsRequest.newBuilder().build()).await().atMost(WAIT)
                .getListingsList();
        assertFalse(mine.isEmpty());
        assertTrue(mine.stream().allMatch(l -> l.getData().getPlatform().equals(platform)));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                partner.listListings(ListListingsRequest.newBuilder().setPlatform(other).build()));
        String cursor = admin.listListings(ListListingsRequest.newBuilder().setPlatform(platform)
                .setPage(PageRequest.newBuilder().setFirst(1)).build()).await().atMost(WAIT).getPageInfo().getEndCursor();
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "page.after", "INVALID_CURSOR",
                admin.listListings(ListListingsRequest.newBuilder().setPlatform(other)
                        .setPage(PageRequest.newBuilder().setAfter(cursor)).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "shop_id", "FIELD_REQUIRED",
                admin.listListings(ListListingsRequest.newBuilder().setShopId("shop-1").build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                partner.getListing(GetListingRequest.newBuilder().setId(ingest(admin, listing(other, "x")).getId())
                        .build()));
    }

    @Test
    void batchLookupAnswersPerKeyByIdExternalKeyOrUrl() {
        String platform = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        Listing l = ingest(admin, listing(platform, "k").setUrl("https://shop.example/item/9?color=red"));
        BatchGetListingsResponse r = admin.batchGetListings(BatchGetListingsRequest.newBuilder()
                .addKeys(ListingKey.newBuilder().setId(l.getId()))
                .addKeys(ListingKey.newBuilder().setExternal(PlatformListingKey.newBuilder().setPlatform(platform)
                        .setExternalId("k")))
                .addKeys(ListingKey.newBuilder().setUrl("HTTPS://Shop.Example/item/9?color=red&utm_source=mail#reviews"))
                .addKeys(ListingKey.newBuilder().setId("not-an-id"))
                .addKeys(ListingKey.newBuilder().setExternal(PlatformListingKey.newBuilder().setPlatform(platform)
                        .setExternalId("absent")))
                .build()).await().atMost(WAIT);
        assertEquals(5, r.getResultsCount());
        for (int i = 0; i < 3; i++) {
            assertTrue(r.getResults(i).getFound(), "key " + i);
            assertEquals(l.getId(), r.getResults(i).getListing().getId());
        }
        assertEquals("keys[3].id", r.getResults(3).getError().getDetail().getField());
        assertFalse(r.getResults(4).getFound());
        assertFalse(r.getResults(4).hasError());
    }

    @Test
    void consumerReportsFeedTheScoreOncePerReport() {
        String platform = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        ListingService system = as(anonymous, TestTokens.token("system"));
        Listing l = ingest(admin, listing(platform, "r"));
        RecordConsumerReportResponse first = system.recordConsumerReport(RecordConsumerReportRequest.newBuilder()
                .setListing(ListingKey.newBuilder().setId(l.getId())).setReportId("rep-1").setReason("arrived fake")
                .build()).await().atMost(WAIT);
        assertTrue(first.getChanged());
        assertEquals(1, first.getListing().getConsumerReports());
        assertTrue(first.getListing().getSignalsList().stream().anyMatch(s -> s.getCode().equals("CONSUMER_REPORTS")));
        assertTrue(first.getListing().getRiskScore() > l.getRiskScore());
        assertFalse(system.recordConsumerReport(RecordConsumerReportRequest.newBuilder()
                .setListing(ListingKey.newBuilder().setId(l.getId())).setReportId("rep-1").build()).await().atMost(WAIT)
                .getChanged());
        RecordConsumerReportResponse dismissed = system.recordConsumerReport(RecordConsumerReportRequest.newBuilder()
                .setListing(ListingKey.newBuilder().setId(l.getId())).setReportId("rep-1").setDismissed(true).build())
                .await().atMost(WAIT);
        assertTrue(dismissed.getChanged());
        assertEquals(0, dismissed.getListing().getConsumerReports());
        assertEquals(l.getRiskScore(), dismissed.getListing().getRiskScore());
        assertTrue(dismissed.getListing().getState() != ListingState.LISTING_STATE_TAKEN_DOWN);
    }
}
