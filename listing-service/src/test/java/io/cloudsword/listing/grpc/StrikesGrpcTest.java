package io.cloudsword.listing.grpc;

import static io.cloudsword.listing.grpc.Fixtures.WAIT;
import static io.cloudsword.listing.grpc.Fixtures.as;
import static io.cloudsword.listing.grpc.Fixtures.listing;
import static io.cloudsword.listing.grpc.Fixtures.removal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.listing.v1.*;
import io.cloudsword.kit.grpc.ProtoTime;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StrikesGrpcTest {

    @GrpcClient("listing")
    ListingService anonymous;

    ListingService system;
    ListingService admin;
    String platform;
    ShopKey shop;

    @BeforeEach
    void setUp() {
        system = as(anonymous, TestTokens.token("system"));
        admin = as(anonymous, TestTokens.token("admin"));
        platform = Fixtures.platform();
        shop = ShopKey.newBuilder().setPlatform(platform).setShopId("shop-1").build();
    }

    private Listing ingest(String externalId) {
        return admin.ingestListing(IngestListingRequest.newBuilder().setListing(listing(platform, externalId)).build())
                .await().atMost(WAIT).getListing();
    }

    private AddStrikeResponse strike(String notice, Instant issuedAt) {
        AddStrikeRequest.Builder r = AddStrikeRequest.newBuilder().setShop(shop).setNoticeId(notice)
                .setReason("notice " + notice + " upheld");
        if (issuedAt != null) {
            r.setIssuedAt(ProtoTime.toProto(issuedAt));
        }
        return system.addStrike(r.build()).await().atMost(WAIT);
    }

    private Listing get(String id) {
        return admin.getListing(GetListingRequest.newBuilder().setId(id).build()).await().atMost(WAIT).getListing();
    }

    @Test
    void theThirdLiveStrikeSuspendsTheShopAndTakesDownItsListingsInOneStep() {
        Listing a = ingest("a");
        Listing b = ingest("b");
        Listing held = ingest("c");
        system.takeDownListing(TakeDownListingRequest.newBuilder().setListingId(held.getId()).setNoticeId("n-held")
                .setStatement(removal("n-held")).build()).await().atMost(WAIT);

        AddStrikeResponse first = strike("n1", null);
        assertTrue(first.getCreated());
        assertEquals(ShopStatus.SHOP_STATUS_WARNED, first.getShop().getStatus());
        assertEquals(1, first.getShop().getLiveStrikes());
        Listing struck = get(a.getId());
        assertTrue(struck.getSignalsList().stream().anyMatch(s -> s.getCode().equals("SHOP_LIVE_STRIKES")),
                "the shop's strike is a signal of its listings at once");
        assertTrue(struck.getRiskScore() > a.getRiskScore());
        AddStrikeResponse repeated = strike("n1", null);
        assertFalse(repeated.getCreated(), "a strike is idempotent per notice");
        assertEquals(first.getStrike().getId(), repeated.getStrike().getId());
        assertEquals(1, repeated.getShop().getLiveStrikes());
        AddStrikeResponse second = strike("n2", null);
        assertEquals(ShopStatus.SHOP_STATUS_WARNED, second.getShop().getStatus());
        assertEquals(0, second.getListingsTakenDown());
        assertEquals(ListingState.LISTING_STATE_ACTIVE, get(a.getId()).getState());

        AddStrikeResponse third = strike("n3", null);
        assertEquals(ShopStatus.SHOP_STATUS_SUSPENDED, third.getShop().getStatus());
        assertEquals(2, third.getListingsTakenDown(), "the two live listings; the one already down stays down");
        for (Listing l : List.of(a, b, held)) {
            Listing now = get(l.getId());
            assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, now.getState());
            assertTrue(now.getHeldByShopSuspension());
        }
        List<ShopEventType> history = system.listShopEvents(ListShopEventsRequest.newBuilder().setShop(shop).build())
                .await().atMost(WAIT).getEventsList().stream().map(ShopEvent::getType).toList();
        assertEquals(List.of(ShopEventType.SHOP_EVENT_TYPE_STRIKE_ADDED, ShopEventType.SHOP_EVENT_TYPE_WARNED,
                ShopEventType.SHOP_EVENT_TYPE_STRIKE_ADDED, ShopEventType.SHOP_EVENT_TYPE_WARNED,
                ShopEventType.SHOP_EVENT_TYPE_STRIKE_ADDED, ShopEventType.SHOP_EVENT_TYPE_SUSPENDED), history);
        List<ListingTransition> transitions = admin.listListingTransitions(ListListingTransitionsRequest.newBuilder()
                .setListingId(a.getId()).build()).await().atMost(WAIT).getTransitionsList();
        assertEquals(third.getStrike().getId(), transitions.get(transitions.size() - 1).getStrikeId());

        Listing newOne = ingest("d");
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, newOne.getState(), "a suspended shop's new listing stays down");

        RevokeStrikeResponse revoked = system.revokeStrike(RevokeStrikeRequest.newBuilder().setShop(shop)
                .setNoticeId("n3").setReason("appeal granted").build()).await().atMost(WAIT);
        assertTrue(revoked.getChanged());
        assertEquals(2, revoked.getShop().getLiveStrikes());
        assertEquals(ShopStatus.SHOP_STATUS_SUSPENDED, revoked.getShop().getStatus(), "stays suspended until reinstated");

        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                system.reinstateShop(ReinstateShopRequest.newBuilder().setShop(shop).setReason("x").build()));
        ReinstateShopResponse reinstated = as(anonymous, TestTokens.token("reviewer")).reinstateShop(
                ReinstateShopRequest.newBuilder().setShop(shop).setReason("appeal granted").build()).await().atMost(WAIT);
        assertTrue(reinstated.getChanged());
        assertEquals(ShopStatus.SHOP_STATUS_WARNED, reinstated.getShop().getStatus());
        assertEquals(ListingState.LISTING_STATE_RESTORED, get(a.getId()).getState());
        assertEquals(ListingState.LISTING_STATE_TAKEN_DOWN, get(held.getId()).getState(), "still held by its notice");
        assertFalse(get(held.getId()).getHeldByShopSuspension());
    }

    @Test
    void aStrikeOlderThan365DaysNoLongerCounts() {
        ingest("a");
        Instant now = Instant.now();
        AddStrikeResponse old = strike("old", now.minus(Duration.ofDays(366)));
        assertTrue(old.getCreated());
        assertFalse(old.getStrike().getLive());
        assertEquals(0, old.getShop().getLiveStrikes());
        assertEquals(ShopStatus.SHOP_STATUS_ACTIVE, old.getShop().getStatus());
        strike("recent-1", now.minus(Duration.ofDays(364)));
        AddStrikeResponse third = strike("recent-2", null);
        assertEquals(2, third.getShop().getLiveStrikes());
        assertEquals(ShopStatus.SHOP_STATUS_WARNED, third.getShop().getStatus(), "two live strikes warn, no suspension");
        assertEquals(0, third.getListingsTakenDown());

        List<Strike> live = system.listShopStrikes(ListShopStrikesRequest.newBuilder().setShop(shop).build()).await()
                .atMost(WAIT).getStrikesList();
        assertEquals(List.of("recent-2", "recent-1"), live.stream().map(Strike::getNoticeId).toList());
        assertEquals(3, system.listShopStrikes(ListShopStrikesRequest.newBuilder().setShop(shop).setIncludeInactive(true)
                .build()).await().atMost(WAIT).getStrikesCount());
    }

    @Test
    void strikeRefusals() {
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "notice_id", "FIELD_REQUIRED",
                system.addStrike(AddStrikeRequest.newBuilder().setShop(shop).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.INVALID_ARGUMENT, "issued_at", "IN_THE_FUTURE",
                system.addStrike(AddStrikeRequest.newBuilder().setShop(shop).setNoticeId("f")
                        .setIssuedAt(ProtoTime.toProto(Instant.now().plus(Duration.ofDays(2)))).build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                as(anonymous, Fixtures.partner(platform)).addStrike(AddStrikeRequest.newBuilder().setShop(shop)
                        .setNoticeId("p").build()));
        Refusals.assertRefused(ErrorDetail.class, Status.Code.NOT_FOUND, "shop", "SHOP_NOT_FOUND",
                system.getShop(GetShopRequest.newBuilder().setShop(shop).build()));
    }
}
