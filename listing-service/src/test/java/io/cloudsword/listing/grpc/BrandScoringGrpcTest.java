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
}
