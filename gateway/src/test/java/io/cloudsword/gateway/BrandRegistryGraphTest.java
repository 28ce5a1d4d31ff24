package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The brand-registry surface of the graph against FakeBrandRegistry: connections, mutations, entities, batching. */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
class BrandRegistryGraphTest {

    private static String token(String role, String ownerId) {
        return TestKeys.TOKENS.token("test-" + role).role(role).claim("owner_id", ownerId).sign();
    }

    private static ValidatableResponse graphql(String token, String query) {
        var request = given().contentType("application/json").body(Map.of("query", query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().log().ifValidationFails().statusCode(200);
    }

    /** 13 random digits under a random 8-digit prefix, so products of one test never collide with another's. */
    private static String randomPrefix() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void brandsPageWithTheCursorOfTheFirstPage() {
        String owner = UUID.randomUUID().toString();
        for (String name : List.of("Alpha", "Bravo", "Charlie")) {
            FakeBrandRegistry.brand(owner, name);
        }
        String token = token("consumer", null);
        String page = "{ brands(ownerId: \"%s\", first: 2%s) { edges { cursor node { name } } pageInfo { endCursor hasNextPage } } }";
        var first = graphql(token, String.format(page, owner, "")).body("errors", nullValue())
                .body("data.brands.edges.node.name", equalTo(List.of("Alpha", "Bravo")))
                .body("data.brands.pageInfo.hasNextPage", equalTo(true))
                .body("data.brands.edges[0].cursor", nullValue())
                .extract();
        String endCursor = first.path("data.brands.pageInfo.endCursor");
        assertEquals(endCursor, first.path("data.brands.edges[1].cursor"), "the last edge carries the page's cursor");
        graphql(token, String.format(page, owner, ", after: \"" + endCursor + "\"")).body("errors", nullValue())
                .body("data.brands.edges.node.name", equalTo(List.of("Charlie")))
                .body("data.brands.pageInfo.hasNextPage", equalTo(false));
    }

    @Test
    void anOwnerUpdatesItsBrandWithAMaskOfTheFieldsItSets() {
        String owner = UUID.randomUUID().toString();
        Brand brand = FakeBrandRegistry.brand(owner, "Oldname");
        graphql(token("rights_owner", owner), "mutation { updateBrand(input: {id: \"" + brand.getId()
                + "\", expectedVersion: 1, name: \"Newname\"}) { name version } }").body("errors", nullValue())
                .body("data.updateBrand.name", equalTo("Newname"))
                .body("data.updateBrand.version", equalTo(2));
        var sent = FakeBrandRegistry.LAST_UPDATE_BRAND.get();
        assertEquals(List.of("name"), sent.getUpdateMask().getPathsList());
        assertEquals(1, sent.getExpectedVersion());

        graphql(token("rights_owner", owner), "mutation { updateBrand(input: {id: \"" + brand.getId()
                + "\", expectedVersion: 1, aliases: []}) { name } }")
                .body("errors[0].extensions.status", equalTo("ALREADY_EXISTS"))
                .body("errors[0].extensions.reason", equalTo("VERSION_MISMATCH"))
                .body("data.updateBrand", nullValue());
        assertEquals(List.of("aliases"), FakeBrandRegistry.LAST_UPDATE_BRAND.get().getUpdateMask().getPathsList());
    }

    @Test
    void anotherOwnersBrandIsRefusedWithNotOwner() {
        Brand brand = FakeBrandRegistry.brand(UUID.randomUUID().toString(), "Theirs");
        graphql(token("rights_owner", UUID.randomUUID().toString()), "mutation { updateBrand(input: {id: \""
                + brand.getId() + "\", name: \"Mine\"}) { name } }")
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"))
                .body("errors[0].extensions.reason", equalTo("NOT_OWNER"))
                .body("errors[0].extensions.field", equalTo("brand.id"))
                .body("errors[0].extensions", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("exception")));
        assertEquals("Theirs", FakeBrandRegistry.BRANDS.get(brand.getId()).getName());
    }

    @Test
    void aProductIsRegisteredAndAnInvalidGtinIsRefused() {
        String owner = UUID.randomUUID().toString();
        Brand brand = FakeBrandRegistry.brand(owner, "Shoes", randomPrefix());
        String gtin = FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0) + "12345");
        String register = "mutation { registerProduct(input: {brandId: \"" + brand.getId() + "\", gtin: \"%s\", "
                + "name: \"Runner\", hsCode: \"640411\", msrps: [{country: \"DE\", price: {amountMinor: 12999, "
                + "currency: \"EUR\"}}]}) { gtin name msrps { country price { amountMinor currency } } brand { name } } }";
        graphql(token("rights_owner", owner), String.format(register, gtin)).body("errors", nullValue())
                .body("data.registerProduct.gtin", equalTo(gtin))
                .body("data.registerProduct.msrps[0].price.currency", equalTo("EUR"))
                .body("data.registerProduct.msrps[0].price.amountMinor", equalTo(12999))
                .body("data.registerProduct.brand.name", equalTo("Shoes"));

        String bad = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);
        graphql(token("rights_owner", owner), String.format(register, bad))
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.reason", equalTo("INVALID_GTIN"))
                .body("errors[0].extensions.field", equalTo("gtin"));
        assertEquals(null, FakeBrandRegistry.PRODUCTS.get(bad));
    }

    @Test
    void productByGtinTurnsTheItemErrorOfTheBatchAnswerIntoAGraphQLError() {
        Brand brand = FakeBrandRegistry.brand(UUID.randomUUID().toString(), "Lookup", randomPrefix());
        String gtin = FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0) + "00001");
        FakeBrandRegistry.product(brand, gtin, "Found");
        String token = token("consumer", null);
        graphql(token, "{ productByGtin(gtin: \"" + gtin + "\") { name } }").body("errors", nullValue())
                .body("data.productByGtin.name", equalTo("Found"));
        String unknown = FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0) + "00002");
        graphql(token, "{ productByGtin(gtin: \"" + unknown + "\") { name } }").body("errors", nullValue())
                .body("data.productByGtin", nullValue());
        graphql(token, "{ productByGtin(gtin: \"12345\") { name } }")
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.code", equalTo("INVALID_GTIN"))
                .body("errors[0].extensions.field", equalTo("gtin"))
                .body("errors[0].path", equalTo(List.of("productByGtin")))
                .body("data.productByGtin", nullValue());
    }

    @Test
    void productsAndBrandsResolveAsFederationEntitiesProductsInOneBatch() {
        Brand brand = FakeBrandRegistry.brand(UUID.randomUUID().toString(), "Entity", randomPrefix());
        String first = FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0) + "00003");
        String second = FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0) + "00004");
        String unknown = FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0) + "00005");
        FakeBrandRegistry.product(brand, first, "Entity product");
        FakeBrandRegistry.product(brand, second, "Second product");
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { __typename "
                + "... on Product { gtin name brand { name } } ... on Brand { id name } } }";
        int lookupsBefore = FakeBrandRegistry.calls("BatchGetProductsByGtin");
        var response = given().contentType("application/json").header("Authorization", "Bearer " + token("consumer", null))
                .body(Map.of("query", query, "variables", Map.of("r", List.of(
                        Map.of("__typename", "Product", "gtin", first),
                        Map.of("__typename", "Brand", "id", brand.getId()),
                        Map.of("__typename", "Product", "gtin", unknown),
                        Map.of("__typename", "Product", "gtin", second)))))
                .post("/graphql").then().log().ifValidationFails().statusCode(200);
        response.body("errors", nullValue())
                .body("data._entities[0].__typename", equalTo("Product"))
                .body("data._entities[0].name", equalTo("Entity product"))
                .body("data._entities[0].brand.name", equalTo("Entity"))
                .body("data._entities[1].__typename", equalTo("Brand"))
                .body("data._entities[1].name", equalTo("Entity"))
                .body("data._entities[2]", nullValue())
                .body("data._entities[3].gtin", equalTo(second));
        assertEquals(1, FakeBrandRegistry.calls("BatchGetProductsByGtin") - lookupsBefore,
                "the Product representations of one request are looked up in one call");
    }

    @Test
    void trademarksCarryIsoDatesAndTheirBrandsInOneBatch() {
        String owner = UUID.randomUUID().toString();
        Brand one = FakeBrandRegistry.brand(owner, "Mark one");
        Brand two = FakeBrandRegistry.brand(owner, "Mark two");
        FakeBrandRegistry.trademark(one, "018000001");
        FakeBrandRegistry.trademark(two, "018000002");
        FakeBrandRegistry.trademark(one, "018000003");
        int batchesBefore = FakeBrandRegistry.calls("BatchGetBrands");
        graphql(token("consumer", null), "{ trademarks(ownerId: \"" + owner + "\") { edges { node { office status "
                + "registrationNumber registrationDate expiryDate niceClasses brand { name } } } } }")
                .body("errors", nullValue())
                .body("data.trademarks.edges.node.registrationNumber", equalTo(List.of("018000001", "018000002",
                        "018000003")))
                .body("data.trademarks.edges.node.brand.name", equalTo(List.of("Mark one", "Mark two", "Mark one")))
                .body("data.trademarks.edges[0].node.office", equalTo("EUIPO"))
                .body("data.trademarks.edges[0].node.status", equalTo("REGISTERED"))
                .body("data.trademarks.edges[0].node.registrationDate", equalTo("2020-02-29"))
                .body("data.trademarks.edges[0].node.expiryDate", equalTo("2030-02-28"));
        assertEquals(1, FakeBrandRegistry.calls("BatchGetBrands") - batchesBefore);
    }

    @Test
    void aRecordationIsSentWithCalendarDatesAndProtoEnums() {
        String owner = UUID.randomUUID().toString();
        graphql(token("rights_owner", owner), "mutation { registerCustomsRecordation(input: {authority: \"EU_AFA\", "
                + "recordationNumber: \"DE-2024-1\", trademarkIds: [\"t1\"], hsCodes: [\"6404\"], territories: [\"DE\"], "
                + "authorizedDistributors: [{name: \"Dist GmbH\", country: \"DE\", identifier: \"DE123\"}], "
                + "detentionContact: {name: \"Legal\", email: \"legal@example.com\", phone: \"+4930123456\"}, "
                + "validFrom: \"2024-01-31\", validUntil: \"2025-01-30\"}) "
                + "{ ownerId authority status validFrom validUntil authorizedDistributors { identifier } } }")
                .body("errors", nullValue())
                .body("data.registerCustomsRecordation.ownerId", equalTo(owner))
                .body("data.registerCustomsRecordation.authority", equalTo("EU_AFA"))
                .body("data.registerCustomsRecordation.status", equalTo("ACTIVE"))
                .body("data.registerCustomsRecordation.validFrom", equalTo("2024-01-31"))
                .body("data.registerCustomsRecordation.validUntil", equalTo("2025-01-30"))
                .body("data.registerCustomsRecordation.authorizedDistributors[0].identifier", equalTo("DE123"));
        var sent = FakeBrandRegistry.LAST_RECORDATION.get();
        assertEquals(2025, sent.getValidUntil().getYear());
        assertEquals(1, sent.getValidUntil().getMonth());
        assertEquals(30, sent.getValidUntil().getDay());
        assertEquals("CUSTOMS_AUTHORITY_EU_AFA", sent.getAuthority().name());
        assertEquals("legal@example.com", sent.getDetentionContact().getEmail());
    }

    @Test
    void aHundredProductsWithTheirBrandsTakeOneBatchGetBrandsCall() {
        RightsOwner owner = FakeBrandRegistry.owner("Batch GmbH");
        List<Brand> brands = List.of(FakeBrandRegistry.brand(owner.getId(), "B1", randomPrefix()),
                FakeBrandRegistry.brand(owner.getId(), "B2", randomPrefix()),
                FakeBrandRegistry.brand(owner.getId(), "B3", randomPrefix()));
        for (int i = 0; i < 100; i++) {
            Brand brand = brands.get(i % brands.size());
            FakeBrandRegistry.product(brand,
                    FakeBrandRegistry.gtin14(brand.getGs1CompanyPrefixes(0) + String.format("%05d", i)), "P" + i);
        }
        String token = token("rights_owner", owner.getId());
        int batchesBefore = FakeBrandRegistry.calls("BatchGetBrands");
        int ownerBatchesBefore = FakeBrandRegistry.calls("BatchGetRightsOwners");
        int brandGetsBefore = FakeBrandRegistry.calls("GetBrand");
        var body = graphql(token, "{ products(ownerId: \"" + owner.getId() + "\", first: 100) { edges { node { gtin "
                + "brand { name owner { legalName } } } } pageInfo { hasNextPage } } }")
                .body("errors", nullValue())
                .body("data.products.edges", hasSize(100))
                .body("data.products.edges.node.brand.name", everyItem(notNullValue()))
                .body("data.products.edges.node.brand.owner.legalName", everyItem(equalTo("Batch GmbH")))
                .body("data.products.pageInfo.hasNextPage", equalTo(false));
        assertEquals(1, FakeBrandRegistry.calls("BatchGetBrands") - batchesBefore, "one BatchGetBrands for 100 products");
        assertEquals(1, FakeBrandRegistry.calls("BatchGetRightsOwners") - ownerBatchesBefore,
                "one BatchGetRightsOwners for their brands");
        assertEquals(brandGetsBefore, FakeBrandRegistry.calls("GetBrand"), "no brand fetched one by one");
        assertEquals("Bearer " + token, FakeBrandRegistry.METHOD_AUTHORIZATION.get("BatchGetBrands"),
                "the batch call forwards the caller's token");
        Set<String> names = new HashSet<>(body.extract().path("data.products.edges.node.brand.name"));
        assertEquals(Set.of("B1", "B2", "B3"), names);
    }

    @Test
    void ownerDataIsNullForCallersTheServiceHidesItFrom() {
        RightsOwner owner = FakeBrandRegistry.owner("Private AG");
        Brand brand = FakeBrandRegistry.brand(owner.getId(), "Hidden owner");
        String query = "{ brand(id: \"" + brand.getId() + "\") { name owner { legalName } } }";
        graphql(token("consumer", null), query).body("errors", nullValue())
                .body("data.brand.name", equalTo("Hidden owner"))
                .body("data.brand.owner", nullValue());
        graphql(token("rights_owner", owner.getId()), query).body("errors", nullValue())
                .body("data.brand.owner.legalName", equalTo("Private AG"));
    }

    @Test
    void anUnknownEnumNameIsRefusedBeforeAnyCall() {
        int before = FakeBrandRegistry.CALLS.get();
        graphql(token("consumer", null), "{ trademarks(office: \"NOPE\") { edges { node { id } } } }")
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.field", equalTo("office"))
                .body("errors[0].message", containsString("EUIPO"));
        assertEquals(before, FakeBrandRegistry.CALLS.get());
    }

    @Test
    void reviewOfOwnersIsForStaffOnly() {
        graphql(token("rights_owner", UUID.randomUUID().toString()),
                "mutation { verifyRightsOwner(id: \"" + UUID.randomUUID() + "\") { status } }")
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        graphql(token("consumer", null), "{ rightsOwners(statuses: [\"PENDING\"]) { edges { node { id } } } }")
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
    }

    @Test
    void theSchemaDeclaresProductAnEntityKeyedByGtin() {
        graphql(null, "{ _service { sdl } }")
                .body("data._service.sdl", containsString("type Product @key(fields : \"gtin\")"))
                .body("data._service.sdl", containsString("type Brand @key(fields : \"id\")"));
        // schema.graphql prints no directives; the entity union shows Product is resolvable by key
        String schema = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        for (String expected : List.of("union _Entity = Brand | Complaint | Listing | Product", "productByGtin(",
                "isAuthorizedSeller(", "setTrustedFlagger(", "type ProductConnection", "type PageInfo")) {
            assertNotEquals(-1, schema.indexOf(expected), expected + " missing from\n" + schema);
        }
        assertEquals(-1, schema.indexOf("productEntities"), "the federation batch resolver stays out of the schema");
    }
}
