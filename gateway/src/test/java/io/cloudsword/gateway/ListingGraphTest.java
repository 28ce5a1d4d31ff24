package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The listing-service surface of the graph against FakeListingService: listings, bulk ingest, shops, strikes, entities. */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeListingService.class)
class ListingGraphTest {

    private static final String LISTING_FIELDS = "id platform externalId shopId title price { amountMinor currency } "
            + "marketCountry gtin state riskScore signals { code weight explanation details { key value } } brandId "
            + "mentionedBrandIds version createdAt updatedAt";

    static ValidatableResponse graphql(String token, String query) {
        return graphql(token, query, Map.of());
    }

    static ValidatableResponse graphql(String token, String query, Map<String, Object> variables) {
        var request = given().contentType("application/json").body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().log().ifValidationFails().statusCode(200);
    }

    /** A platform of its own for each test, so the fake's shared state never mixes tests. */
    static String platform() {
        return "shop-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    static String partner(String platform) {
        return TestKeys.TOKENS.token("partner@" + platform).role("platform_partner").claim("platform_id", platform)
                .sign();
    }

    static String reviewer() {
        return TestKeys.TOKENS.token("reviewer-1").role("reviewer").sign();
    }

    static Map<String, Object> listing(String platform, String externalId, String shopId, String title) {
        Map<String, Object> in = new HashMap<>();
        in.put("platform", platform);
        in.put("externalId", externalId);
        in.put("shopId", shopId);
        in.put("title", title);
        in.put("price", Map.of("amountMinor", 8900, "currency", "CNY"));
        in.put("marketCountry", "CN");
        return in;
    }

    static String ingest(String token, Map<String, Object> input) {
        return graphql(token, "mutation($in: ListingInput!) { ingestListing(input: $in) { created listing { id } } }",
                Map.of("in", input)).body("errors", nullValue()).extract().path("data.ingestListing.listing.id");
    }

    static Brand brand(String name) {
        RightsOwner owner = FakeBrandRegistry.owner(name + " AG");
        return FakeBrandRegistry.brand(owner.getId(), name);
    }

    @Test
    void aPartnerIngestsAListingAndReadsItScoredWithItsSignalsBrandAndShop() {
        String platform = platform();
        String token = partner(platform);
        Brand brand = brand("Wolkenfuchs" + platform);
        Map<String, Object> input = listing(platform, "L-1", "S-1", brand.getName() + " jacket replica 1:1");
        String mutation = "mutation($in: ListingInput!) { ingestListing(input: $in) { created listing { "
                + LISTING_FIELDS + " } } }";
        String id = graphql(token, mutation, Map.of("in", input)).body("errors", nullValue())
                .body("data.ingestListing.created", equalTo(true))
                .body("data.ingestListing.listing.platform", equalTo(platform))
                .body("data.ingestListing.listing.price.amountMinor", equalTo(8900))
                .body("data.ingestListing.listing.state", equalTo("FLAGGED"))
                .body("data.ingestListing.listing.riskScore", equalTo(80))
                .body("data.ingestListing.listing.signals.code",
                        contains("COUNTERFEIT_VOCABULARY", "BRAND_MENTION_GTIN_MISSING"))
                .body("data.ingestListing.listing.signals[0].details[0].key", equalTo("term"))
                .body("data.ingestListing.listing.signals[1].details.key", contains("brand_id", "mentions"))
                .body("data.ingestListing.listing.brandId", equalTo(brand.getId()))
                .body("data.ingestListing.listing.gtin", nullValue())
                .extract().path("data.ingestListing.listing.id");
        assertEquals("Bearer " + token, FakeListingService.CALLERS.authorization.get("IngestListing"),
                "the caller's token is forwarded to listing-service");

        graphql(token, mutation, Map.of("in", input)).body("errors", nullValue())
                .body("data.ingestListing.created", equalTo(false))
                .body("data.ingestListing.listing.id", equalTo(id))
                .body("data.ingestListing.listing.version", equalTo(2));

        graphql(token, "{ listing(id: \"" + id + "\") { id title brand { name } mentionedBrands { id } shop { platform "
                + "shopId status liveStrikes activeListings } transitions { edges { node { fromState toState reason "
                + "actor { subject platform } occurredAt } } } } }").body("errors", nullValue())
                .body("data.listing.brand.name", equalTo(brand.getName()))
                .body("data.listing.mentionedBrands.id", contains(brand.getId()))
                .body("data.listing.shop.shopId", equalTo("S-1"))
                .body("data.listing.shop.status", equalTo("ACTIVE"))
                .body("data.listing.shop.activeListings", equalTo(1))
                .body("data.listing.transitions.edges", hasSize(1))
                .body("data.listing.transitions.edges[0].node.fromState", nullValue())
                .body("data.listing.transitions.edges[0].node.toState", equalTo("FLAGGED"))
                .body("data.listing.transitions.edges[0].node.actor.platform", equalTo(platform));

        graphql(token, "{ listings(platform: \"" + platform + "\", states: [\"FLAGGED\"], minRiskScore: 70, "
                + "text: \"jacket\", order: \"RISK_SCORE_DESC\") { edges { cursor node { id } } pageInfo { endCursor "
                + "hasNextPage } } }").body("errors", nullValue())
                .body("data.listings.edges.node.id", contains(id))
                .body("data.listings.edges[0].cursor", notNullValue())
                .body("data.listings.pageInfo.hasNextPage", equalTo(false));
        graphql(token, "{ listings(platform: \"" + platform + "\", states: [\"ACTIVE\"]) { edges { node { id } } } }")
                .body("errors", nullValue()).body("data.listings.edges", hasSize(0));
    }

    @Test
    void brandsAndShopsOfManyListingsTakeOneBatchCallEach() {
        String platform = platform();
        String token = partner(platform);
        List<Brand> brands = List.of(brand("Alpenkrone" + platform), brand("Seidenwind" + platform),
                brand("Nordkap" + platform));
        for (int i = 0; i < 30; i++) {
            Brand b = brands.get(i % 3);
            Brand other = brands.get((i + 1) % 3);
            ingest(token, listing(platform, "L-" + i, "S-" + (i % 5), b.getName() + " and " + other.getName()
                    + " sneaker no. " + i));
        }
        int brandBatches = FakeBrandRegistry.calls("BatchGetBrands");
        int brandGets = FakeBrandRegistry.calls("GetBrand");
        int shopBatches = FakeListingService.CALLERS.calls("BatchGetShops");
        int shopGets = FakeListingService.CALLERS.calls("GetShop");
        graphql(token, "{ listings(platform: \"" + platform + "\", first: 100) { edges { node { externalId brand { name } "
                + "shop { shopId status } } } } }").body("errors", nullValue())
                .body("data.listings.edges", hasSize(30))
                .body("data.listings.edges.node.brand.name", everyItem(notNullValue()))
                .body("data.listings.edges.node.shop.status", everyItem(equalTo("ACTIVE")));
        assertEquals(1, FakeBrandRegistry.calls("BatchGetBrands") - brandBatches, "one BatchGetBrands for 30 listings");
        assertEquals(1, FakeListingService.CALLERS.calls("BatchGetShops") - shopBatches,
                "one BatchGetShops for 30 listings in 5 shops");
        assertEquals(brandGets, FakeBrandRegistry.calls("GetBrand"), "no brand fetched one by one");
        assertEquals(shopGets, FakeListingService.CALLERS.calls("GetShop"), "no shop fetched one by one");
        assertEquals("Bearer " + token, FakeListingService.CALLERS.authorization.get("BatchGetShops"),
                "the batch call forwards the caller's token");

        int before = FakeBrandRegistry.calls("BatchGetBrands");
        var body = graphql(token, "{ listings(platform: \"" + platform + "\", first: 100) { edges { node { "
                + "mentionedBrands { name } } } } }").body("errors", nullValue())
                .body("data.listings.edges.node.mentionedBrands", everyItem(hasSize(2)));
        assertEquals(1, FakeBrandRegistry.calls("BatchGetBrands") - before, "mentionedBrands: one BatchGetBrands too");
        List<List<String>> names = body.extract().path("data.listings.edges.node.mentionedBrands.name");
        assertTrue(names.stream().flatMap(List::stream).distinct().count() == 3, "every brand resolved: " + names);
    }

    @Test
    void serviceRefusalsKeepTheirCodeAndField() {
        String platform = platform();
        String token = partner(platform);
        Map<String, Object> bad = listing(platform, "L-bad", "S-1", "Plain shirt");
        bad.put("gtin", "4006381333932");
        String mutation = "mutation($in: ListingInput!) { ingestListing(input: $in) { listing { id } } }";
        graphql(token, mutation, Map.of("in", bad))
                .body("errors[0].extensions.code", equalTo("INVALID_GTIN"))
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.field", equalTo("listing.gtin"))
                .body("data.ingestListing", nullValue());
        graphql(token, mutation, Map.of("in", listing(platform(), "L-x", "S-1", "Plain shirt")))
                .body("errors[0].extensions.code", equalTo("NOT_OWNER"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"))
                .body("errors[0].extensions.field", equalTo("listing.platform"));
        graphql(token, "{ listing(id: \"" + UUID.randomUUID() + "\") { id } }")
                .body("errors[0].extensions.code", equalTo("LISTING_NOT_FOUND"))
                .body("errors[0].extensions.status", equalTo("NOT_FOUND"))
                .body("data.listing", nullValue());
        graphql(token, "{ listings(first: 501) { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("INVALID_PAGE_SIZE"))
                .body("errors[0].extensions.field", equalTo("page.first"));

        int calls = FakeListingService.CALLERS.calls("ListListings");
        graphql(token, "{ listings(states: [\"ACTIVE\", \"GONE\"]) { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("INVALID_FORMAT"))
                .body("errors[0].extensions.field", equalTo("states[1]"))
                .body("errors[0].message", containsString("REMOVED_BY_SELLER"));
        graphql(null, "{ listings { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(calls, FakeListingService.CALLERS.calls("ListListings"), "refused before any call");
    }

    @Test
    void bulkIngestAnswersPerItemInInputOrderOverOneStreamChunk() {
        String platform = platform();
        String token = partner(platform);
        Map<String, Object> noTitle = listing(platform, "B-1", "S-1", null);
        Map<String, Object> badCurrency = listing(platform, "B-2", "S-1", "Shirt");
        badCurrency.put("price", Map.of("amountMinor", 100, "currency", "yuan"));
        List<Map<String, Object>> inputs = List.of(listing(platform, "B-0", "S-1", "Plain shirt"), noTitle, badCurrency,
                listing(platform(), "B-3", "S-1", "Not my platform"), listing(platform, "B-4", "S-2", "super copy bag"));
        int streams = FakeListingService.CALLERS.calls("IngestListings");
        String mutation = "mutation($in: [ListingInput!]!) { ingestListings(inputs: $in) { index platform externalId "
                + "accepted { listingId created riskScore state signals { code weight explanation details { key value } } } "
                + "rejected { code status field message } } }";
        var body = graphql(token, mutation, Map.of("in", inputs)).body("errors", nullValue())
                .body("data.ingestListings", hasSize(5))
                .body("data.ingestListings.index", contains(0, 1, 2, 3, 4))
                .body("data.ingestListings.externalId", contains("B-0", "B-1", "B-2", "B-3", "B-4"))
                .body("data.ingestListings[0].accepted.created", equalTo(true))
                .body("data.ingestListings[0].accepted.state", equalTo("ACTIVE"))
                .body("data.ingestListings[0].accepted.riskScore", equalTo(0))
                .body("data.ingestListings[0].rejected", nullValue())
                .body("data.ingestListings[1].accepted", nullValue())
                .body("data.ingestListings[1].rejected.code", equalTo("FIELD_REQUIRED"))
                .body("data.ingestListings[1].rejected.status", equalTo("INVALID_ARGUMENT"))
                .body("data.ingestListings[1].rejected.field", equalTo("title"))
                .body("data.ingestListings[2].rejected.code", equalTo("INVALID_CURRENCY"))
                .body("data.ingestListings[2].rejected.field", equalTo("price.currency"))
                .body("data.ingestListings[2].rejected.message", containsString("ISO 4217"))
                .body("data.ingestListings[3].rejected.code", equalTo("NOT_OWNER"))
                .body("data.ingestListings[3].rejected.status", equalTo("FORBIDDEN"))
                .body("data.ingestListings[4].accepted.riskScore", equalTo(50))
                .body("data.ingestListings[4].accepted.signals[0].code", equalTo("COUNTERFEIT_VOCABULARY"))
                .body("data.ingestListings[4].accepted.signals[0].details", hasItem(Map.of("key", "term",
                        "value", "super copy")));
        assertEquals(1, FakeListingService.CALLERS.calls("IngestListings") - streams, "one stream for the call");
        assertEquals(5, FakeListingService.CHUNK_SIZES.get(FakeListingService.CHUNK_SIZES.size() - 1),
                "all items in one chunk");
        assertEquals("Bearer " + token, FakeListingService.CALLERS.authorization.get("IngestListings"),
                "the stream carries the caller's token");

        String stored = body.extract().path("data.ingestListings[4].accepted.listingId");
        graphql(token, "{ listing(id: \"" + stored + "\") { externalId shopId } }").body("errors", nullValue())
                .body("data.listing.externalId", equalTo("B-4"));
        graphql(token, "{ listings(platform: \"" + platform + "\") { edges { node { externalId } } } }")
                .body("data.listings.edges", hasSize(2));
    }

    @Test
    void bulkIngestTakesAThousandAndRefusesMoreBeforeAnyCall() {
        String platform = platform();
        String token = partner(platform);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            inputs.add(listing(platform, "M-" + i, "S-" + (i % 7), "Shirt no. " + i));
        }
        String mutation = "mutation($in: [ListingInput!]!) { ingestListings(inputs: $in) { index accepted { listingId } "
                + "rejected { code } } }";
        int streams = FakeListingService.CALLERS.calls("IngestListings");
        graphql(token, mutation, Map.of("in", inputs))
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ITEMS"))
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.field", equalTo("inputs"))
                .body("errors[0].message", containsString("1000"))
                .body("data.ingestListings", nullValue());
        assertEquals(streams, FakeListingService.CALLERS.calls("IngestListings"), "refused before any call");
        graphql(token, "{ listings(platform: \"" + platform + "\") { edges { node { id } } } }")
                .body("data.listings.edges", hasSize(0));

        graphql(token, mutation, Map.of("in", inputs.subList(0, 1000))).body("errors", nullValue())
                .body("data.ingestListings", hasSize(1000))
                .body("data.ingestListings.rejected", everyItem(nullValue()))
                .body("data.ingestListings[999].index", equalTo(999))
                .body("data.ingestListings[999].accepted.listingId", notNullValue());
        assertEquals(1, FakeListingService.CALLERS.calls("IngestListings") - streams, "a full chunk is one stream");
        assertEquals(1000, FakeListingService.CHUNK_SIZES.get(FakeListingService.CHUNK_SIZES.size() - 1));
    }

    @Test
    void listingEntitiesResolveInOneBatchCallInRepresentationOrder() {
        String platform = platform();
        String token = partner(platform);
        Brand brand = brand("Eisvogel" + platform);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(ingest(token, listing(platform, "E-" + i, "S-1", brand.getName() + " cap " + i)));
        }
        String unknown = UUID.randomUUID().toString();
        List<Map<String, Object>> representations = List.of(Map.of("__typename", "Listing", "id", ids.get(2)),
                Map.of("__typename", "Listing", "id", unknown), Map.of("__typename", "Listing", "id", ids.get(0)),
                Map.of("__typename", "Listing", "id", ids.get(1)));
        int batches = FakeListingService.CALLERS.calls("BatchGetListings");
        int gets = FakeListingService.CALLERS.calls("GetListing");
        int brandBatches = FakeBrandRegistry.calls("BatchGetBrands");
        graphql(token, "query($r: [_Any!]!) { _entities(representations: $r) { ... on Listing { id externalId "
                + "brand { name } } } }", Map.of("r", representations)).body("errors", nullValue())
                .body("data._entities", hasSize(4))
                .body("data._entities[0].externalId", equalTo("E-2"))
                .body("data._entities[1]", nullValue())
                .body("data._entities[2].externalId", equalTo("E-0"))
                .body("data._entities[3].externalId", equalTo("E-1"))
                .body("data._entities[3].brand.name", equalTo(brand.getName()));
        assertEquals(1, FakeListingService.CALLERS.calls("BatchGetListings") - batches, "one BatchGetListings");
        assertEquals(gets, FakeListingService.CALLERS.calls("GetListing"), "no listing fetched one by one");
        assertEquals(1, FakeBrandRegistry.calls("BatchGetBrands") - brandBatches, "and one BatchGetBrands");

        graphql(null, "{ _service { sdl } }")
                .body("data._service.sdl", containsString("type Listing @key(fields : \"id\")"));
        int beforeAnonymous = FakeListingService.CALLERS.calls("BatchGetListings");
        graphql(null, "query($r: [_Any!]!) { _entities(representations: $r) { ... on Listing { id } } }",
                Map.of("r", representations)).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path", contains("_entities"));
        assertEquals(beforeAnonymous, FakeListingService.CALLERS.calls("BatchGetListings"), "no token, no lookup");
    }

    @Test
    void takedownAndRestoreRecordTheStatementAndTheServiceDecidesWhoMay() {
        String platform = platform();
        String partner = partner(platform);
        String id = ingest(partner, listing(platform, "T-1", "S-1", "Leather belt"));
        String notice = UUID.randomUUID().toString();
        String takeDown = "mutation($s: StatementOfReasonsInput!) { takeDownListing(listingId: \"" + id
                + "\", noticeId: \"" + notice + "\", statement: $s) { changed listing { state takedownNoticeIds } } }";
        Map<String, Object> statement = Map.of("decision", "CONTENT_REMOVED", "ground", "ILLEGAL_CONTENT",
                "legalGround", "Regulation (EU) 2017/1001 Art. 9(2)(a)", "source", "NOTICE",
                "automatedDecision", "NOT_AUTOMATED", "territorialScope", List.of("EU"),
                "factsAndCircumstances", "The goods bear a sign identical to the registered mark.");

        graphql(partner, takeDown, Map.of("s", statement))
                .body("errors[0].extensions.code", equalTo("ROLE_REQUIRED"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        int calls = FakeListingService.CALLERS.calls("TakeDownListing");
        Map<String, Object> wrong = new HashMap<>(statement);
        wrong.put("decision", "DELETED");
        graphql(reviewer(), takeDown, Map.of("s", wrong))
                .body("errors[0].extensions.code", equalTo("INVALID_FORMAT"))
                .body("errors[0].extensions.field", equalTo("statement.decision"));
        assertEquals(calls, FakeListingService.CALLERS.calls("TakeDownListing"), "an unknown decision costs no call");

        graphql(reviewer(), takeDown, Map.of("s", statement)).body("errors", nullValue())
                .body("data.takeDownListing.changed", equalTo(true))
                .body("data.takeDownListing.listing.state", equalTo("TAKEN_DOWN"))
                .body("data.takeDownListing.listing.takedownNoticeIds", contains(notice));
        graphql(reviewer(), takeDown, Map.of("s", statement)).body("errors", nullValue())
                .body("data.takeDownListing.changed", equalTo(false));

        graphql(reviewer(), "mutation($s: StatementOfReasonsInput!) { restoreListing(listingId: \"" + id
                + "\", noticeId: \"" + notice + "\", statement: $s) { changed listing { state } } }",
                Map.of("s", Map.of("decision", "CONTENT_RESTORED", "redress", "Counter-notice granted")))
                .body("errors", nullValue())
                .body("data.restoreListing.listing.state", equalTo("RESTORED"));

        graphql(reviewer(), "{ listingTransitions(listingId: \"" + id + "\") { edges { node { fromState toState noticeId "
                + "actor { subject role } statement { decision ground legalGround territorialScope source "
                + "automatedDecision automatedDetection redress } } } } }").body("errors", nullValue())
                .body("data.listingTransitions.edges.node.toState", contains("ACTIVE", "TAKEN_DOWN", "RESTORED"))
                .body("data.listingTransitions.edges[1].node.noticeId", equalTo(notice))
                .body("data.listingTransitions.edges[1].node.actor.subject", equalTo("reviewer-1"))
                .body("data.listingTransitions.edges[1].node.actor.role", equalTo("REVIEWER"))
                .body("data.listingTransitions.edges[1].node.statement.decision", equalTo("CONTENT_REMOVED"))
                .body("data.listingTransitions.edges[1].node.statement.legalGround",
                        equalTo("Regulation (EU) 2017/1001 Art. 9(2)(a)"))
                .body("data.listingTransitions.edges[1].node.statement.territorialScope", contains("EU"))
                .body("data.listingTransitions.edges[1].node.statement.automatedDecision", equalTo("NOT_AUTOMATED"))
                .body("data.listingTransitions.edges[2].node.statement.decision", equalTo("CONTENT_RESTORED"))
                .body("data.listingTransitions.edges[0].node.statement", nullValue());

        graphql(partner, "mutation { markRemovedBySeller(listing: {platform: \"" + platform + "\", externalId: \"T-1\"}) "
                + "{ changed listing { id state } } }").body("errors", nullValue())
                .body("data.markRemovedBySeller.changed", equalTo(true))
                .body("data.markRemovedBySeller.listing.id", equalTo(id))
                .body("data.markRemovedBySeller.listing.state", equalTo("REMOVED_BY_SELLER"));
        int removals = FakeListingService.CALLERS.calls("MarkRemovedBySeller");
        graphql(partner, "mutation { markRemovedBySeller(listing: {}) { changed } }")
                .body("errors[0].extensions.code", equalTo("FIELD_REQUIRED"))
                .body("errors[0].extensions.field", equalTo("listing"));
        graphql(partner, "mutation { markRemovedBySeller(listing: {id: \"" + id + "\", url: \"https://x.example/1\"}) "
                + "{ changed } }").body("errors[0].extensions.code", equalTo("INVALID_FORMAT"));
        assertEquals(removals, FakeListingService.CALLERS.calls("MarkRemovedBySeller"), "a malformed key costs no call");
    }

    @Test
    void aFlaggedListingIsClearedByAReviewer() {
        String platform = platform();
        Brand brand = brand("Bergblick" + platform);
        String id = ingest(partner(platform), listing(platform, "F-1", "S-1", brand.getName() + " replica watch"));
        String clear = "mutation { clearListingFlag(listingId: \"" + id + "\", reason: \"%s\") { changed listing { "
                + "state } } }";
        graphql(reviewer(), String.format(clear, " ")).body("errors[0].extensions.code", equalTo("FIELD_REQUIRED"))
                .body("errors[0].extensions.field", equalTo("reason"));
        graphql(reviewer(), String.format(clear, "official reseller")).body("errors", nullValue())
                .body("data.clearListingFlag.changed", equalTo(true))
                .body("data.clearListingFlag.listing.state", equalTo("ACTIVE"));
        graphql(reviewer(), String.format(clear, "official reseller")).body("errors", nullValue())
                .body("data.clearListingFlag.changed", equalTo(false));
    }

    @Test
    void threeStrikesSuspendAShopAndAReviewerReinstatesIt() {
        String platform = platform();
        String partner = partner(platform);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(ingest(partner, listing(platform, "K-" + i, "S-9", "Canvas bag " + i)));
        }
        String addStrike = "mutation { addStrike(input: {platform: \"" + platform + "\", shopId: \"S-9\", noticeId: "
                + "\"%s\", listingId: \"%s\", reason: \"upheld notice\"}) { created listingsTakenDown strike { id live "
                + "noticeId issuedAt expiresAt } shop { status liveStrikes takenDownListings } } }";
        List<String> notices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            notices.add(UUID.randomUUID().toString());
            var strike = graphql(reviewer(), String.format(addStrike, notices.get(i), ids.get(i)))
                    .body("errors", nullValue())
                    .body("data.addStrike.created", equalTo(true))
                    .body("data.addStrike.strike.live", equalTo(true))
                    .body("data.addStrike.shop.liveStrikes", equalTo(i + 1));
            strike.body("data.addStrike.shop.status", equalTo(i < 2 ? "WARNED" : "SUSPENDED"))
                    .body("data.addStrike.listingsTakenDown", equalTo(i < 2 ? 0 : 4));
        }
        graphql(reviewer(), String.format(addStrike, notices.get(0), ids.get(0))).body("errors", nullValue())
                .body("data.addStrike.created", equalTo(false));

        int listingBatches = FakeListingService.CALLERS.calls("BatchGetListings");
        graphql(reviewer(), "{ shopStrikes(platform: \"" + platform + "\", shopId: \"S-9\") { edges { node { noticeId "
                + "listing { externalId state heldByShopSuspension } } } pageInfo { hasNextPage } } }")
                .body("errors", nullValue())
                .body("data.shopStrikes.edges.node.noticeId", contains(notices.get(2), notices.get(1), notices.get(0)))
                .body("data.shopStrikes.edges.node.listing.externalId", contains("K-2", "K-1", "K-0"))
                .body("data.shopStrikes.edges.node.listing.heldByShopSuspension", everyItem(equalTo(true)));
        assertEquals(1, FakeListingService.CALLERS.calls("BatchGetListings") - listingBatches,
                "the strikes' listings in one BatchGetListings");

        graphql(reviewer(), "mutation { revokeStrike(input: {platform: \"" + platform + "\", shopId: \"S-9\", noticeId: \""
                + notices.get(1) + "\", reason: \"appeal granted\"}) { changed strike { live revokedAt revokeReason } "
                + "shop { status liveStrikes } } }").body("errors", nullValue())
                .body("data.revokeStrike.changed", equalTo(true))
                .body("data.revokeStrike.strike.live", equalTo(false))
                .body("data.revokeStrike.strike.revokeReason", equalTo("appeal granted"))
                .body("data.revokeStrike.shop.status", equalTo("SUSPENDED"))
                .body("data.revokeStrike.shop.liveStrikes", equalTo(2));
        graphql(reviewer(), "{ shopStrikes(platform: \"" + platform + "\", shopId: \"S-9\", includeInactive: true) { "
                + "edges { node { id } } } }").body("data.shopStrikes.edges", hasSize(3));
        graphql(reviewer(), "{ shopStrikes(platform: \"" + platform + "\", shopId: \"S-9\") { edges { node { id } } } }")
                .body("data.shopStrikes.edges", hasSize(2));

        String reinstate = "mutation { reinstateShop(platform: \"" + platform + "\", shopId: \"S-9\", reason: "
                + "\"reviewed\") { changed listingsRestored shop { status suspendedAt } } }";
        graphql(partner, reinstate).body("errors[0].extensions.code", equalTo("ROLE_REQUIRED"));
        graphql(reviewer(), reinstate).body("errors", nullValue())
                .body("data.reinstateShop.changed", equalTo(true))
                .body("data.reinstateShop.listingsRestored", equalTo(4))
                .body("data.reinstateShop.shop.status", equalTo("WARNED"))
                .body("data.reinstateShop.shop.suspendedAt", nullValue());

        graphql(reviewer(), "{ shopEvents(platform: \"" + platform + "\", shopId: \"S-9\") { edges { node { type "
                + "liveStrikesAfter listingsAffected reason actor { subject } occurredAt } } } }").body("errors", nullValue())
                .body("data.shopEvents.edges.node.type", contains("STRIKE_ADDED", "WARNED", "STRIKE_ADDED", "WARNED",
                        "STRIKE_ADDED", "SUSPENDED", "STRIKE_REVOKED", "REINSTATED"))
                .body("data.shopEvents.edges[5].node.listingsAffected", equalTo(4))
                .body("data.shopEvents.edges[7].node.listingsAffected", equalTo(4));
        graphql(partner, "{ shop(platform: \"" + platform + "\", shopId: \"S-9\") { status liveStrikes activeListings "
                + "takenDownListings } }").body("errors", nullValue())
                .body("data.shop.activeListings", equalTo(4))
                .body("data.shop.takenDownListings", equalTo(0));
        graphql(partner, "{ shop(platform: \"" + platform + "\", shopId: \"nope\") { status } }")
                .body("errors[0].extensions.code", equalTo("SHOP_NOT_FOUND"))
                .body("errors[0].extensions.field", equalTo("shop"));
    }

    @Test
    void previewScoresWithoutStoringAndRescoringIsCoalesced() {
        String platform = platform();
        String token = partner(platform);
        Brand brand = brand("Morgentau" + platform);
        graphql(token, "query($in: ListingInput!) { previewRiskScore(input: $in) { riskScore wouldFlag scoringVersion "
                + "signals { code } } }", Map.of("in", listing(platform, "P-1", "S-1", brand.getName() + " 高仿 sandals")))
                .body("errors", nullValue())
                .body("data.previewRiskScore.riskScore", equalTo(80))
                .body("data.previewRiskScore.wouldFlag", equalTo(true))
                .body("data.previewRiskScore.signals.code", contains("COUNTERFEIT_VOCABULARY", "BRAND_MENTION_GTIN_MISSING"));
        graphql(token, "{ listings(platform: \"" + platform + "\") { edges { node { id } } } }")
                .body("data.listings.edges", hasSize(0));

        String rescore = "mutation { rescoreBrand(brandId: \"" + brand.getId() + "\", reason: \"new MSRP\") { created "
                + "job { id status reason } } }";
        String job = graphql(reviewer(), rescore).body("errors", nullValue())
                .body("data.rescoreBrand.created", equalTo(true))
                .body("data.rescoreBrand.job.status", equalTo("PENDING"))
                .extract().path("data.rescoreBrand.job.id");
        graphql(reviewer(), rescore).body("data.rescoreBrand.created", equalTo(false))
                .body("data.rescoreBrand.job.id", equalTo(job));
        graphql(reviewer(), "{ rescoreJob(id: \"" + job + "\") { brandId status listingsTotal completedAt brand { name } "
                + "} }").body("errors", nullValue())
                .body("data.rescoreJob.brand.name", equalTo(brand.getName()))
                .body("data.rescoreJob.completedAt", nullValue());
        graphql(reviewer(), "{ rescoreJob(id: \"" + UUID.randomUUID() + "\") { id } }")
                .body("errors[0].extensions.code", equalTo("JOB_NOT_FOUND"));
    }

    @Test
    void everyListingTypeAndFieldIsDescribed() {
        List<String> types = List.of("Listing", "RiskSignal", "ListingConnection", "ListingEdge", "ListingTransition",
                "ListingTransitionConnection", "Shop", "Strike", "StrikeConnection", "ShopEvent", "ShopEventConnection",
                "StatementOfReasons", "Actor", "RescoreJob", "IngestListingResult", "IngestAccepted",
                "IngestListingPayload", "ListingChangePayload", "RiskScorePreview", "AddStrikePayload",
                "RevokeStrikePayload", "ReinstateShopPayload", "RescoreBrandPayload");
        for (String type : types) {
            var body = graphql(null, "{ __type(name: \"" + type + "\") { description fields { name description } } }")
                    .body("errors", nullValue()).body("data.__type.description", notNullValue());
            List<Map<String, String>> fields = body.extract().path("data.__type.fields");
            for (Map<String, String> field : fields) {
                assertNotEquals(null, field.get("description"), type + "." + field.get("name") + " has no description");
            }
        }
        for (String input : List.of("ListingInput", "ListingKeyInput", "StatementOfReasonsInput", "AddStrikeInput",
                "RevokeStrikeInput")) {
            var body = graphql(null, "{ __type(name: \"" + input + "\") { description inputFields { name description } } }")
                    .body("errors", nullValue()).body("data.__type.description", notNullValue());
            List<Map<String, String>> fields = body.extract().path("data.__type.inputFields");
            for (Map<String, String> field : fields) {
                assertNotEquals(null, field.get("description"), input + "." + field.get("name") + " has no description");
            }
        }
        String schema = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        for (String expected : List.of("listing(", "ingestListings(", "listingTransitions(", "shopStrikes(", "shopEvents(", "previewRiskScore(",
                "rescoreJob(", "takeDownListing(", "restoreListing(", "clearListingFlag(", "addStrike(", "revokeStrike(",
                "reinstateShop(", "rescoreBrand(", "markRemovedBySeller(", "mentionedBrands: [Brand")) {
            assertNotEquals(-1, schema.indexOf(expected), expected + " missing from\n" + schema);
        }
        assertEquals(-1, schema.indexOf("listingEntities"), "the federation batch resolver stays out of the schema");
    }
}
