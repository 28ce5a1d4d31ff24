package io.cloudsword.listing.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.listing.v1.GetListingRequest;
import io.cloudsword.api.listing.v1.IngestListingRequest;
import io.cloudsword.api.listing.v1.IngestListingResponse;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.ListingService;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.quarkus.grpc.GrpcClientUtils;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class ListingGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @GrpcClient("listing")
    ListingService anonymous;

    /** Most tests act as an admin; the authorization tests use narrower tokens. */
    ListingService client;

    @BeforeEach
    void actAsAdmin() {
        client = as(TestTokens.token("admin"));
    }

    @Test
    void aPlatformPartnerSendsListingsOfItsOwnPlatformOnly() {
        String partner = TestTokens.TOKENS.token("partner").role("platform_partner").claim("platform_id", "demo-market")
                .sign();
        assertTrue(as(partner).ingestListing(IngestListingRequest.newBuilder()
                .setListing(listing(UUID.randomUUID().toString())).build()).await().atMost(WAIT).getCreated());
        long before = count("SELECT count(*) FROM listing");
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                as(partner).ingestListing(IngestListingRequest.newBuilder().setListing(
                        listing(UUID.randomUUID().toString()).setPlatform("other-market")).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                anonymous.ingestListing(IngestListingRequest.newBuilder()
                        .setListing(listing(UUID.randomUUID().toString())).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(TestTokens.token("consumer")).ingestListing(IngestListingRequest.newBuilder()
                        .setListing(listing(UUID.randomUUID().toString())).build()));
        assertEquals(before, count("SELECT count(*) FROM listing"));
    }

    private ListingService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    @Inject
    Pool db;

    @Test
    void ingestsAListingAsActiveWithItsGtinNormalized() {
        IngestListingResponse r = ingest(listing(UUID.randomUUID().toString()).setGtin("6291041500213").build());
        assertTrue(r.getCreated());
        assertEquals(ListingState.LISTING_STATE_ACTIVE, r.getListing().getState());
        assertEquals("06291041500213", r.getListing().getData().getGtin());
        assertEquals(r.getListing(), client.getListing(GetListingRequest.newBuilder().setId(r.getListing().getId())
                .build()).await().atMost(WAIT).getListing());
    }

    @Test
    void resendingAListingUpdatesItAndNeverDuplicates() {
        String externalId = UUID.randomUUID().toString();
        IngestListingResponse first = ingest(listing(externalId).build());
        IngestListingResponse again = ingest(listing(externalId).setTitle("Running shoe, new colour").build());
        assertFalse(again.getCreated());
        assertEquals(first.getListing().getId(), again.getListing().getId());
        assertEquals("Running shoe, new colour", again.getListing().getData().getTitle());
        assertEquals(1L, count("SELECT count(*) FROM listing WHERE external_id = '" + externalId + "'"));
    }

    @Test
    void badFieldsAreRefusedByNameAndNothingIsWritten() {
        long before = count("SELECT count(*) FROM listing");
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtin", "INVALID_GTIN",
                listing(UUID.randomUUID().toString()).setGtin("6291041500214"));
        assertRefused(Status.Code.INVALID_ARGUMENT, "price.currency", "INVALID_CURRENCY",
                listing(UUID.randomUUID().toString()).setPrice(Money.newBuilder().setAmountMinor(100)
                        .setCurrency("XYZ")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "price.amount_minor", "NEGATIVE_PRICE",
                listing(UUID.randomUUID().toString()).setPrice(Money.newBuilder().setAmountMinor(-1)
                        .setCurrency("EUR")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "ships_from_country", "INVALID_COUNTRY",
                listing(UUID.randomUUID().toString()).setShipsFromCountry("ZZ"));
        assertRefused(Status.Code.INVALID_ARGUMENT, "platform", "INVALID_FORMAT",
                listing(UUID.randomUUID().toString()).setPlatform("'; DROP TABLE listing; --"));
        assertRefused(Status.Code.INVALID_ARGUMENT, "url", "INVALID_URL",
                listing(UUID.randomUUID().toString()).setUrl("javascript:alert(1)"));
        assertRefused(Status.Code.INVALID_ARGUMENT, "image_hashes[0]", "INVALID_IMAGE_HASH",
                listing(UUID.randomUUID().toString()).addImageHashes("not-a-hash"));
        assertEquals(before, count("SELECT count(*) FROM listing"));
    }

    @Test
    void unknownListingIsNotFound() {
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "id", "LISTING_NOT_FOUND",
                client.getListing(GetListingRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
    }

    private void assertRefused(Status.Code code, String field, String reason, ListingInput.Builder listing) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, client.ingestListing(
                IngestListingRequest.newBuilder().setListing(listing).build()));
    }

    private IngestListingResponse ingest(ListingInput listing) {
        return client.ingestListing(IngestListingRequest.newBuilder().setListing(listing).build()).await()
                .atMost(WAIT);
    }

    private static ListingInput.Builder listing(String externalId) {
        return ListingInput.newBuilder().setPlatform("demo-market").setExternalId(externalId).setShopId("shop-1")
                .setSellerId("seller-1").setTitle("Running shoe").setDescription("Size 42")
                .setPrice(Money.newBuilder().setAmountMinor(8999).setCurrency("EUR"))
                .setMarketCountry("DE").setShipsFromCountry("CN").setUrl("https://demo-market.example/item/1");
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }
}
