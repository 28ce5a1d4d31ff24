package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.common.v1.Money;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Nested fields that cross to a service are batched per request (a 100-brand query costs the same
 * number of gRPC calls as a 10-brand one), and a backend that is down or hung costs only the fields
 * it serves: the rest of the answer arrives, with UNAVAILABLE on those fields.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeListingService.class)
class NestedFieldsTest {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String PLATFORM = "nested-" + RUN;
    private static final List<String> BRANDS = new ArrayList<>();

    /** Every nested field of Brand and of its listings that calls a service. */
    private static final String SELECTION = "id name owner { id legalName } "
            + "trademarks { edges { node { id } } pageInfo { hasNextPage } } "
            + "products { edges { node { gtin } } pageInfo { hasNextPage } } "
            + "listings { pageInfo { hasNextPage } edges { node { id riskScore brand { id } mentionedBrands { id } "
            + "shop { id liveStrikes } transitions { edges { node { toState } } } } } }";

    private static final List<String> RPCS = List.of("GetBrand", "BatchGetBrands", "BatchGetRightsOwners",
            "GetRightsOwner", "ListTrademarks", "BatchListBrandTrademarks", "ListProducts", "BatchListBrandProducts",
            "ListListings", "BatchListBrandListings", "GetListing", "BatchGetListings", "GetShop", "BatchGetShops",
            "ListListingTransitions", "BatchListListingTransitions");

    @BeforeAll
    static void hundredBrandsWithTwoListingsEach() {
        String owner = FakeBrandRegistry.owner("Nested Holdings " + RUN).getId();
        for (int i = 0; i < 100; i++) {
            Brand brand = FakeBrandRegistry.brand(owner, "Nq" + RUN + "b" + i);
            BRANDS.add(brand.getId());
            for (String title : List.of(brand.getName() + " tote", brand.getName() + " tote replica")) {
                FakeListingService.ingest(ListingInput.newBuilder().setPlatform(PLATFORM)
                        .setExternalId(title.replace(' ', '-')).setShopId("shop-" + (i % 7)).setTitle(title)
                        .setPrice(Money.newBuilder().setAmountMinor(4_900).setCurrency("EUR")).setMarketCountry("DE")
                        .setShipsFromCountry("CN").build());
            }
        }
    }

    private static String reviewer() {
        return TestKeys.TOKENS.token("nested-reviewer").role("reviewer").sign();
    }

    private static JsonPath brandsByIds(List<String> ids) {
        StringBuilder list = new StringBuilder();
        ids.forEach(id -> list.append(list.isEmpty() ? "" : ",").append('"').append(id).append('"'));
        return given().contentType("application/json").header("Authorization", "Bearer " + reviewer())
                .body(Map.of("query", "{ brandsByIds(ids: [" + list + "]) { " + SELECTION + " } }"))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> callCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (String rpc : RPCS) {
            counts.put(rpc, FakeBrandRegistry.calls(rpc) + FakeListingService.CALLERS.calls(rpc));
        }
        return counts;
    }

    private static Map<String, Integer> callsOf(List<String> ids) {
        Map<String, Integer> before = callCounts();
        JsonPath answer = brandsByIds(ids);
        assertNull(answer.get("errors"), () -> answer.prettify());
        assertEquals(ids.size(), answer.getList("data.brandsByIds").size());
        Map<String, Integer> after = callCounts();
        Map<String, Integer> made = new HashMap<>();
        after.forEach((rpc, n) -> made.put(rpc, n - before.get(rpc)));
        return made;
    }

    @Test
    void aHundredBrandsWithTheirListingsCostTheSameCallsAsTen() {
        // the stand-in may have just been restarted by another test, and a cold first call can outlast
        // the 1 s test deadline: count only once the path answers
        awaitListingsAnswered();
        Map<String, Integer> ten = callsOf(BRANDS.subList(0, 10));
        Map<String, Integer> hundred = callsOf(BRANDS);
        assertEquals(ten, hundred, "the number of gRPC calls must not grow with the number of brands");
        // the root field, then Listing.brand and Listing.mentionedBrands: one batch each
        assertEquals(3, hundred.get("BatchGetBrands"), hundred.toString());
        for (String batch : List.of("BatchGetRightsOwners", "BatchListBrandTrademarks",
                "BatchListBrandProducts", "BatchListBrandListings", "BatchGetShops", "BatchListListingTransitions")) {
            assertEquals(1, hundred.get(batch), batch + " once per request: " + hundred);
        }
        for (String single : List.of("GetBrand", "GetRightsOwner", "ListTrademarks", "ListProducts", "ListListings",
                "GetListing", "GetShop", "ListListingTransitions")) {
            assertEquals(0, hundred.get(single), single + " never, for nested fields: " + hundred);
        }
        JsonPath answer = brandsByIds(BRANDS);
        assertNull(answer.get("errors"), () -> answer.prettify());
        for (int i = 0; i < 100; i++) {
            String at = "data.brandsByIds[" + i + "].";
            assertEquals(BRANDS.get(i), answer.getString(at + "id"));
            assertEquals(2, answer.getList(at + "listings.edges").size());
            assertEquals(BRANDS.get(i), answer.getString(at + "listings.edges[0].node.brand.id"));
            assertTrue(answer.getInt(at + "listings.edges[0].node.riskScore")
                    >= answer.getInt(at + "listings.edges[1].node.riskScore"), "highest risk first");
            // the replica listing scores above the flag threshold and comes first
            assertEquals("FLAGGED", answer.getString(at + "listings.edges[0].node.transitions.edges[0].node.toState"));
            assertEquals("ACTIVE", answer.getString(at + "listings.edges[1].node.transitions.edges[0].node.toState"));
            assertNotNull(answer.getString(at + "listings.edges[0].node.shop.id"));
        }
    }

    @Test
    void withListingServiceStoppedTheBrandsArriveAndOnlyTheirListingsAreUnavailable() throws Exception {
        List<String> three = BRANDS.subList(20, 23);
        FakeListingService.stopServing();
        try {
            JsonPath answer = brandsByIds(three);
            assertPartial(answer, three);
        } finally {
            FakeListingService.serveAgain();
            awaitListingsAnswered();
        }
    }

    @Test
    void aHungListingServiceIsCutOffByTheDeadlineAndOnlyItsFieldsFail() {
        List<String> two = BRANDS.subList(30, 32);
        FakeListingService.HANG.set(true);
        try {
            long started = System.nanoTime();
            JsonPath answer = brandsByIds(two);
            assertPartial(answer, two);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30,
                    "the deadline (1 s in tests) ended the call, not the client");
        } finally {
            FakeListingService.HANG.set(false);
        }
    }

    private static void assertPartial(JsonPath answer, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String at = "data.brandsByIds[" + i + "].";
            assertEquals(ids.get(i), answer.getString(at + "id"), answer.prettify());
            assertNotNull(answer.getString(at + "name"));
            assertNotNull(answer.getString(at + "owner.id"), "brand-registry's fields still resolve");
            assertNotNull(answer.get(at + "trademarks"));
            assertNull(answer.get(at + "listings"), "listing-service's field is null");
        }
        List<Map<String, Object>> errors = answer.getList("errors");
        assertEquals(ids.size(), errors.size(), answer.prettify());
        for (int i = 0; i < errors.size(); i++) {
            Map<String, Object> error = errors.get(i);
            assertEquals("UNAVAILABLE", ((Map<?, ?>) error.get("extensions")).get("code"));
            List<?> path = (List<?>) error.get("path");
            assertEquals("brandsByIds", path.get(0));
            assertEquals("listings", path.get(2));
            String message = String.valueOf(error.get("message"));
            assertTrue(!message.contains("Exception") && !message.contains("\tat "), message);
        }
    }

    /** After a restart the gateway's channel reconnects on its own; wait (bounded) until it has. */
    private static void awaitListingsAnswered() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (brandsByIds(BRANDS.subList(0, 1)).get("errors") == null) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("the gateway did not reach listing-service again within 60 s");
    }
}
