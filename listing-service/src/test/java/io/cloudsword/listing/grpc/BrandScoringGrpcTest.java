package io.cloudsword.listing.grpc;

import static io.cloudsword.listing.grpc.Fixtures.WAIT;
import static io.cloudsword.listing.grpc.Fixtures.as;
import static io.cloudsword.listing.grpc.Fixtures.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.listing.v1.*;
import io.cloudsword.listing.brand.BrandFacts;
import io.cloudsword.listing.domain.Rescoring;
import io.cloudsword.listing.support.BrandChanges;
import io.cloudsword.listing.support.FakeBrandRegistry;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

/** Scores that depend on brand-registry's data, and rescoring when that data changes. */
@QuarkusTest
class BrandScoringGrpcTest {

    @GrpcClient("listing")
    ListingService anonymous;

    @Inject
    BrandFacts facts;

    @Inject
    Rescoring rescoring;

    @BeforeEach
    void listen() {
        BrandChanges.listen(facts);
        FakeBrandRegistry.awaitWatching(); // the cache follows the stream "from now": start after it does
    }

    private static Set<String> codes(Listing l) {
        return Set.copyOf(l.getSignalsList().stream().map(RiskSignal::getCode).toList());
    }

    @Test
    void aCheapListingOfAnExclusiveBrandFromAnUnlistedShopIsFlaggedAndRescoredWhenTheShopIsAuthorized() {
        Brand brand = FakeBrandRegistry.putBrand(FakeBrandRegistry.brand("Veloria", "维洛利亚").toBuilder()
                .setExclusiveDistribution(true).build(), true);
        String gtin = FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0), 42);
        FakeBrandRegistry.product(brand.getId(), gtin, List.of(FakeBrandRegistry.msrp("DE", 20_000, "EUR")), List.of(),
                true);
        BrandChanges.await(brand.getId(), 3); // registered, made exclusive, product added: all in the cache
        String platform = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        Listing cheap = admin.ingestListing(IngestListingRequest.newBuilder().setListing(listing(platform, "v1")
                .setTitle("Veloria leather bag").setGtin(gtin)
                .setPrice(Money.newBuilder().setAmountMinor(3_000).setCurrency("EUR"))).build()).await().atMost(WAIT)
                .getListing();
        assertEquals(brand.getId(), cheap.getBrandId());
        assertEquals(Set.of("PRICE_FAR_BELOW_MSRP", "UNAUTHORIZED_EXCLUSIVE_SELLER"), codes(cheap));
        assertEquals(ListingState.LISTING_STATE_FLAGGED, cheap.getState());
        RiskSignal price = cheap.getSignalsList().stream().filter(s -> s.getCode().equals("PRICE_FAR_BELOW_MSRP"))
                .findFirst().orElseThrow();
        assertTrue(price.getExplanation().contains("15"), price.getExplanation());

        int heard = BrandChanges.count(brand.getId());
        FakeBrandRegistry.seller(brand.getId(), platform, "shop-1", List.of(), true);
        // the cache applied the change and its first listener queued the brand's rescoring job
        BrandChanges.await(brand.getId(), heard + 1);
        rescoring.runPending();
        Listing rescored = admin.getListing(GetListingRequest.newBuilder().setId(cheap.getId()).build()).await()
                .atMost(WAIT).getListing();
        assertFalse(codes(rescored).contains("UNAUTHORIZED_EXCLUSIVE_SELLER"));
        assertEquals(Set.of("PRICE_FAR_BELOW_MSRP"), codes(rescored));
        assertTrue(rescored.getRiskScore() < cheap.getRiskScore());
        assertTrue(rescored.getVersion() > cheap.getVersion());
    }

    @Test
    void aBrandNamedInDisguiseWithoutAGtinOrWithAnotherBrandsGtinIsASignalAndItsOwnerSeesTheListing() {
        Brand brand = FakeBrandRegistry.brand("Quintessa", "昆特萨");
        Brand other = FakeBrandRegistry.brand("Marbleton");
        BrandChanges.await(brand.getId(), 1);
        BrandChanges.await(other.getId(), 1);
        String platform = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        Listing noGtin = admin.ingestListing(IngestListingRequest.newBuilder().setListing(listing(platform, "q1")
                .setTitle("ＱＵＩＮＴＥＳＳＡ 手表 / 昆特萨").setDescription("")).build()).await().atMost(WAIT).getListing();
        assertEquals(brand.getId(), noGtin.getBrandId());
        assertEquals(List.of(brand.getId()), noGtin.getMentionedBrandIdsList());
        assertTrue(codes(noGtin).contains("BRAND_MENTION_GTIN_MISSING"));

        String foreignGtin = FakeBrandRegistry.gtin14(other.getGs1CompanyPrefixes(0), 7);
        Listing foreign = admin.ingestListing(IngestListingRequest.newBuilder().setListing(listing(platform, "q2")
                .setTitle("Quintessa chronograph").setGtin(foreignGtin)).build()).await().atMost(WAIT).getListing();
        assertEquals(other.getId(), foreign.getBrandId(), "scored against the GTIN's owner");
        assertTrue(codes(foreign).contains("BRAND_MENTION_GTIN_FOREIGN"));

        ListingService owner = as(anonymous, TestTokens.ownerToken(brand.getOwnerId()));
        assertEquals(noGtin.getId(), owner.getListing(GetListingRequest.newBuilder().setId(noGtin.getId()).build())
                .await().atMost(WAIT).getListing().getId());
        List<String> seen = owner.listListings(ListListingsRequest.newBuilder().setBrandId(brand.getId()).build())
                .await().atMost(WAIT).getListingsList().stream().map(Listing::getId).toList();
        assertTrue(seen.containsAll(List.of(noGtin.getId(), foreign.getId())), "scored against or mentioning the brand");
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                owner.listListings(ListListingsRequest.newBuilder().setBrandId(other.getId()).build()));
        ListingService stranger = as(anonymous, TestTokens.ownerToken(java.util.UUID.randomUUID().toString()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                stranger.getListing(GetListingRequest.newBuilder().setId(noGtin.getId()).build()));
        assertFalse(stranger.listListings(ListListingsRequest.newBuilder().build()).await().atMost(WAIT)
                .getListingsList().stream().anyMatch(l -> l.getId().equals(noGtin.getId())));
    }

    @Test
    void aPreviewScoresWithoutStoring() {
        String platform = Fixtures.platform();
        PreviewRiskScoreResponse preview = as(anonymous, Fixtures.partner(platform)).previewRiskScore(
                PreviewRiskScoreRequest.newBuilder().setListing(listing(platform, "pv").setTitle("AAA replica watch"))
                        .build()).await().atMost(WAIT);
        assertTrue(preview.getWouldFlag());
        assertFalse(preview.getScoringVersion().isEmpty());
        assertFalse(as(anonymous, TestTokens.token("admin")).batchGetListings(BatchGetListingsRequest.newBuilder()
                .addKeys(ListingKey.newBuilder().setExternal(PlatformListingKey.newBuilder().setPlatform(platform)
                        .setExternalId("pv"))).build()).await().atMost(WAIT).getResults(0).getFound());
    }

    @Test
    void theFirstListingsOfManyBrandsComeInOneCallAsEachCallerMaySeeThem() {
        Brand brand = FakeBrandRegistry.brand("Zephyrine");
        Brand other = FakeBrandRegistry.brand("Orvalia");
        BrandChanges.await(brand.getId(), 1);
        BrandChanges.await(other.getId(), 1);
        String platform = Fixtures.platform();
        String elsewhere = Fixtures.platform();
        ListingService admin = as(anonymous, TestTokens.token("admin"));
        Listing plain = ingest(admin, listing(platform, "z1").setTitle("Zephyrine scarf"));
        Listing risky = ingest(admin, listing(platform, "z2").setTitle("Zephyrine scarf replica super copy"));
        Listing away = ingest(admin, listing(elsewhere, "z3").setTitle("Zephyrine scarf, 1:1 copy"));
        Listing theirs = ingest(admin, listing(platform, "o1").setTitle("Orvalia boots"));
        assertTrue(risky.getRiskScore() > plain.getRiskScore());

        String unknown = java.util.UUID.randomUUID().toString();
        BatchListBrandListingsResponse all = admin.batchListBrandListings(BatchListBrandListingsRequest.newBuilder()
                .addBrandIds(brand.getId()).addBrandIds(other.getId()).addBrandIds(unknown).addBrandIds("not-an-id")
                .addBrandIds(brand.getId()).setFirstPerBrand(2).build()).await().atMost(WAIT);
        assertEquals(5, all.getResultsCount(), "one result per requested brand, duplicates answered each time");
        BrandListings first = all.getResults(0);
        assertEquals(brand.getId(), first.getBrandId());
        assertEquals(2, first.getListingsCount());
        assertTrue(first.getHasMore(), "three listings, two asked for");
        assertTrue(first.getListings(0).getRiskScore() >= first.getListings(1).getRiskScore(), "highest score first");
        assertEquals(List.of(theirs.getId()), ids(all.getResults(1).getListingsList()));
        assertFalse(all.getResults(1).getHasMore());
        assertEquals(0, all.getResults(2).getListingsCount());
        assertFalse(all.getResults(2).hasError(), "a brand with no listings is an empty page");
        assertEquals(Status.Code.INVALID_ARGUMENT.value(), all.getResults(3).getError().getCode());
        assertEquals("brand_ids[3]", all.getResults(3).getError().getDetail().getField());
        assertEquals(ids(first.getListingsList()), ids(all.getResults(4).getListingsList()));

        // a partner sees its own platform's listings, a rights owner those of its own brands only
        BatchListBrandListingsResponse partner = as(anonymous, Fixtures.partner(elsewhere)).batchListBrandListings(
                BatchListBrandListingsRequest.newBuilder().addBrandIds(brand.getId()).build()).await().atMost(WAIT);
        assertEquals(List.of(away.getId()), ids(partner.getResults(0).getListingsList()));
        BatchListBrandListingsResponse owner = as(anonymous, TestTokens.ownerToken(brand.getOwnerId()))
                .batchListBrandListings(BatchListBrandListingsRequest.newBuilder().addBrandIds(brand.getId())
                        .addBrandIds(other.getId()).setFirstPerBrand(10).build()).await().atMost(WAIT);
        assertEquals(Set.of(plain.getId(), risky.getId(), away.getId()),
                Set.copyOf(ids(owner.getResults(0).getListingsList())));
        assertEquals(0, owner.getResults(1).getListingsCount(), "another owner's brand shows none of its listings");

        List<String> tooMany = java.util.Collections.nCopies(501, brand.getId());
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "brand_ids", "TOO_MANY_ITEMS",
                admin.batchListBrandListings(BatchListBrandListingsRequest.newBuilder().addAllBrandIds(tooMany).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "first_per_brand", "OUT_OF_RANGE",
                admin.batchListBrandListings(BatchListBrandListingsRequest.newBuilder().addBrandIds(brand.getId())
                        .setFirstPerBrand(51).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                anonymous.batchListBrandListings(BatchListBrandListingsRequest.newBuilder().addBrandIds(brand.getId())
                        .build()));

        // transitions of many listings in one call; one the caller may not see is NOT_FOUND
        admin.takeDownListing(TakeDownListingRequest.newBuilder().setListingId(risky.getId()).setNoticeId("n-batch")
                .setStatement(Fixtures.removal("n-batch")).build()).await().atMost(WAIT);
        BatchListListingTransitionsResponse transitions = as(anonymous, Fixtures.partner(platform))
                .batchListListingTransitions(BatchListListingTransitionsRequest.newBuilder().addListingIds(risky.getId())
                        .addListingIds(plain.getId()).addListingIds(away.getId()).addListingIds("nope")
                        .setFirstPerListing(1).build()).await().atMost(WAIT);
        assertEquals(4, transitions.getResultsCount());
        assertEquals(1, transitions.getResults(0).getTransitionsCount());
        assertTrue(transitions.getResults(0).getHasMore(), "ingested, flagged or not, then taken down");
        assertEquals(risky.getId(), transitions.getResults(0).getTransitions(0).getListingId());
        assertFalse(transitions.getResults(1).hasError());
        assertEquals(Status.Code.NOT_FOUND.value(), transitions.getResults(2).getError().getCode(),
                "another platform's listing is not shown to this partner");
        assertEquals("listing_ids[3]", transitions.getResults(3).getError().getDetail().getField());
        List<ListingTransition> every = admin.listListingTransitions(ListListingTransitionsRequest.newBuilder()
                .setListingId(risky.getId()).build()).await().atMost(WAIT).getTransitionsList();
        assertEquals(every, admin.batchListListingTransitions(BatchListListingTransitionsRequest.newBuilder()
                .addListingIds(risky.getId()).setFirstPerListing(50).build()).await().atMost(WAIT).getResults(0)
                .getTransitionsList(), "the same transitions as the paged method, in the same order");
    }

    private Listing ingest(ListingService as, ListingInput.Builder l) {
        return as.ingestListing(IngestListingRequest.newBuilder().setListing(l).build()).await().atMost(WAIT).getListing();
    }

    private static List<String> ids(List<Listing> listings) {
        return listings.stream().map(Listing::getId).toList();
    }
}
