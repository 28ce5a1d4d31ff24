package io.cloudsword.brand.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.cloudsword.api.brand.v1.BatchGetGtinOwnersRequest;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinRequest;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandRegistryService;
import io.cloudsword.api.brand.v1.GetGtinOwnerRequest;
import io.cloudsword.api.brand.v1.GetProductRequest;
import io.cloudsword.api.brand.v1.GtinOwnerResult;
import io.cloudsword.api.brand.v1.ListProductsRequest;
import io.cloudsword.api.brand.v1.ListProductsResponse;
import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.brand.v1.RegisterBrandRequest;
import io.cloudsword.api.brand.v1.RegisterProductRequest;
import io.cloudsword.api.brand.v1.RegisterProductResponse;
import io.cloudsword.api.brand.v1.RegisterRightsOwnerRequest;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.UpdateProductRequest;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.kit.Gtin;
import io.cloudsword.support.grpc.Refusals;
import io.cloudsword.support.tokens.TestTokens;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Products and GTIN ownership through the real gRPC server, the domain and PostgreSQL. */
@QuarkusTest
class ProductGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @GrpcClient("brand-registry")
    BrandRegistryService anonymous;

    @Inject
    Pool db;

    private BrandRegistryService as(String token) {
        return GrpcClientUtils.attachHeaders(anonymous, TestTokens.bearer(token));
    }

    private BrandRegistryService ownerOf(RightsOwner owner) {
        return as(TestTokens.ownerToken(owner.getId()));
    }

    @Test
    void theLongestMatchingPrefixDecidesWhichBrandAGtinBelongsTo() {
        RightsOwner ownerA = owner();
        RightsOwner ownerB = owner();
        Brand a = brand(ownerA, "629104");
        Brand b = brand(ownerB, "62910415");

        // 6291041500213 lies under both prefixes; the longer one is B's
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtin", "GTIN_OUTSIDE_BRAND_PREFIXES",
                ownerOf(ownerA).registerProduct(product(a, "6291041500213").build()));
        assertEquals(0L, count("SELECT count(*) FROM product WHERE brand_id = '" + a.getId() + "'"));
        RegisterProductResponse underB = ownerOf(ownerB).registerProduct(product(b, "6291041500213").build())
                .await().atMost(WAIT);
        assertTrue(underB.getCreated());
        assertEquals("06291041500213", underB.getProduct().getGtin());
        assertEquals(ownerB.getId(), underB.getProduct().getOwnerId());
        Product underA = ownerOf(ownerA).registerProduct(product(a, "6291042000019").build()).await().atMost(WAIT)
                .getProduct();

        GtinOwnerResult ofB = owner("6291041500213");
        assertTrue(ofB.getFound());
        assertEquals(b.getId(), ofB.getBrandId());
        assertEquals(ownerB.getId(), ofB.getOwnerId());
        assertEquals("62910415", ofB.getMatchedPrefix());
        assertEquals("06291041500213", ofB.getGtin14());
        assertTrue(ofB.getRegisteredProduct());
        GtinOwnerResult ofA = owner("6291042000019");
        assertEquals(a.getId(), ofA.getBrandId());
        assertEquals("629104", ofA.getMatchedPrefix());
        assertTrue(ofA.getRegisteredProduct());
        assertEquals(underA.getGtin(), ofA.getGtin14());
        // a case code (indicator 1) of the same item belongs to B too, though it is no registered product
        GtinOwnerResult caseCode = owner("16291041500210");
        assertEquals(b.getId(), caseCode.getBrandId());
        assertFalse(caseCode.getRegisteredProduct());

        // idempotent for the same brand, refused for another
        long version = brandVersion(b);
        RegisterProductResponse again = ownerOf(ownerB).registerProduct(product(b, "06291041500213")
                .setName("Another name").build()).await().atMost(WAIT);
        assertFalse(again.getCreated());
        assertEquals(underB.getProduct(), again.getProduct());
        assertEquals(version, brandVersion(b), "a repeat writes nothing and records no change");
        assertRefused(Status.Code.ALREADY_EXISTS, "gtin", "GTIN_ALREADY_REGISTERED",
                ownerOf(ownerA).registerProduct(product(a, "6291041500213").build()));
        assertEquals(1L, count("SELECT count(*) FROM product WHERE gtin = '06291041500213'"));
        assertEquals(1L, count("SELECT count(*) FROM brand_change WHERE kind = 'PRODUCT' AND gtin = '06291041500213'"
                + " AND brand_id = '" + b.getId() + "'"));
    }

    @Test
    void gtin8And12And14AreStoredAsGtin14UnderPrefixesInGs1Form() {
        RightsOwner owner = owner();
        // U.P.C. company prefixes 0850012 and 036000 in GS1 (GTIN-13) form, and an EAN-8 range
        Brand brand = brand(owner, "00850012", "0036000", "00000963");
        BrandRegistryService client = ownerOf(owner);
        assertEquals("00085001200017", client.registerProduct(product(brand, "085001200017").build()).await()
                .atMost(WAIT).getProduct().getGtin());
        assertEquals("00036000291452", client.registerProduct(product(brand, "036000291452").build()).await()
                .atMost(WAIT).getProduct().getGtin());
        assertEquals("00000096385074", client.registerProduct(product(brand, "96385074").build()).await()
                .atMost(WAIT).getProduct().getGtin());
        assertEquals("00850012", owner("085001200017").getMatchedPrefix());
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtin", "INVALID_GTIN",
                client.registerProduct(product(brand, "6291041500214").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtin", "INVALID_GTIN",
                client.registerProduct(product(brand, "10085001200018").build()));
        assertEquals(3L, count("SELECT count(*) FROM product WHERE brand_id = '" + brand.getId() + "'"));
    }

    @Test
    void badProductsAreRefusedByFieldAndNothingIsWritten() {
        RightsOwner owner = owner();
        String prefix = prefix();
        Brand brand = brand(owner, prefix);
        BrandRegistryService client = ownerOf(owner);
        String gtin = gtin(prefix, 1);
        assertRefused(Status.Code.INVALID_ARGUMENT, "hs_code", "INVALID_HS_CODE",
                client.registerProduct(product(brand, gtin).setHsCode("6404").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "name", "FIELD_REQUIRED",
                client.registerProduct(product(brand, gtin).setName(" ").build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "name", "FIELD_TOO_LONG",
                client.registerProduct(product(brand, gtin).setName("x".repeat(301)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "msrps[1].country", "INVALID_COUNTRY",
                client.registerProduct(product(brand, gtin).addMsrps(price("XX", "EUR", 100)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "msrps[1].price.currency", "INVALID_CURRENCY",
                client.registerProduct(product(brand, gtin).addMsrps(price("US", "DOLLAR", 100)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "msrps[1].price.amount_minor", "VALUE_OUT_OF_RANGE",
                client.registerProduct(product(brand, gtin).addMsrps(price("US", "USD", -5)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "msrps[1].country", "INVALID_FORMAT",
                client.registerProduct(product(brand, gtin).addMsrps(price("de", "USD", 100)).build()));
        assertRefused(Status.Code.INVALID_ARGUMENT, "image_hashes[0]", "INVALID_IMAGE_HASH",
                client.registerProduct(product(brand, gtin).addImageHashes("not-a-hash").build()));
        assertRefused(Status.Code.NOT_FOUND, "brand_id", "BRAND_NOT_FOUND",
                client.registerProduct(product(brand, gtin).setBrandId(UUID.randomUUID().toString()).build()));
        // a valid GTIN outside every prefix of the brand
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtin", "GTIN_OUTSIDE_BRAND_PREFIXES",
                client.registerProduct(product(brand, "2000000000008").build()));
        assertEquals(0L, count("SELECT count(*) FROM product WHERE brand_id = '" + brand.getId() + "'"));
    }

    @Test
    void onlyTheBrandsOwnerRegistersAndChangesItsProductsWhichAnybodyReads() {
        RightsOwner a = owner();
        RightsOwner b = owner();
        String prefix = prefix();
        Brand brandA = brand(a, prefix);
        Product p = ownerOf(a).registerProduct(product(brandA, gtin(prefix, 1)).build()).await().atMost(WAIT)
                .getProduct();
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                ownerOf(b).registerProduct(product(brandA, gtin(prefix, 2)).build()));
        assertRefused(Status.Code.PERMISSION_DENIED, "", "NOT_OWNER",
                ownerOf(b).updateProduct(update(p.toBuilder().setName("Hijacked").build(), "name")));
        assertRefused(Status.Code.UNAUTHENTICATED, "", "UNAUTHENTICATED",
                anonymous.registerProduct(product(brandA, gtin(prefix, 2)).build()));
        assertEquals(1L, count("SELECT count(*) FROM product WHERE brand_id = '" + brandA.getId() + "'"));
        assertEquals(p, anonymous.getProduct(GetProductRequest.newBuilder().setId(p.getId()).build()).await()
                .atMost(WAIT).getProduct());
        assertRefused(Status.Code.NOT_FOUND, "id", "PRODUCT_NOT_FOUND",
                anonymous.getProduct(GetProductRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
    }

    @Test
    void theOwnerUpdatesNamePricesAndImagesAndTheChangeCarriesTheGtin() {
        RightsOwner owner = owner();
        String prefix = prefix();
        Brand brand = brand(owner, prefix);
        BrandRegistryService client = ownerOf(owner);
        Product p = client.registerProduct(product(brand, gtin(prefix, 7)).build()).await().atMost(WAIT).getProduct();
        assertEquals(1L, count("SELECT count(*) FROM product WHERE id = '" + p.getId()
                + "' AND msrps = ARRAY['DE:EUR:12999']"), "prices stay readable with plain SQL");

        Product changed = client.updateProduct(update(p.toBuilder().setName("Air Runner II").clearMsrps()
                .addMsrps(price("cn", "cny", 99_900)).addMsrps(price("US", "USD", 13_999)).setHsCode("999999")
                .setGtin("96385074").build(), "name", "msrps")).await().atMost(WAIT).getProduct();
        assertEquals("Air Runner II", changed.getName());
        assertEquals(List.of(price("CN", "CNY", 99_900).build(), price("US", "USD", 13_999).build()),
                changed.getMsrpsList());
        assertEquals("640411", changed.getHsCode(), "unmasked fields stay");
        assertEquals(p.getGtin(), changed.getGtin(), "the GTIN never changes");
        assertEquals(1L, count("SELECT count(*) FROM product WHERE id = '" + p.getId()
                + "' AND msrps = ARRAY['CN:CNY:99900', 'US:USD:13999']"));
        assertEquals(2L, count("SELECT count(*) FROM brand_change WHERE kind = 'PRODUCT' AND entity_id = '"
                + p.getId() + "' AND gtin = '" + p.getGtin() + "'"));

        assertRefused(Status.Code.INVALID_ARGUMENT, "product.msrps[0].price.currency", "INVALID_CURRENCY",
                client.updateProduct(update(p.toBuilder().clearMsrps().addMsrps(price("DE", "XYZ", 1)).build(),
                        "msrps")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "update_mask.paths[0]", "INVALID_UPDATE_MASK",
                client.updateProduct(update(p, "gtin")));
        assertRefused(Status.Code.NOT_FOUND, "product.id", "PRODUCT_NOT_FOUND",
                client.updateProduct(update(p.toBuilder().setId(UUID.randomUUID().toString()).build(), "name")));
        assertEquals("Air Runner II", anonymous.getProduct(GetProductRequest.newBuilder().setId(p.getId()).build())
                .await().atMost(WAIT).getProduct().getName());
    }

    @Test
    void aBatchLookupAnswersEveryGtinInRequestOrderWithInvalidOnesPerItem() {
        RightsOwner owner = owner();
        String prefix = prefix();
        Brand brand = brand(owner, prefix);
        Product p = ownerOf(owner).registerProduct(product(brand, gtin(prefix, 3)).build()).await().atMost(WAIT)
                .getProduct();
        String unregistered = gtin(prefix, 4);
        List<ProductLookupResult> results = anonymous.batchGetProductsByGtin(BatchGetProductsByGtinRequest.newBuilder()
                .addGtins(gtin(prefix, 3)).addGtins(unregistered).addGtins("6291041500214").addGtins(p.getGtin())
                .build()).await().atMost(WAIT).getResultsList();
        assertEquals(4, results.size());
        assertEquals(gtin(prefix, 3), results.get(0).getGtin());
        assertEquals(p.getGtin(), results.get(0).getGtin14());
        assertTrue(results.get(0).getFound());
        assertEquals(p, results.get(0).getProduct());
        assertFalse(results.get(1).getFound());
        assertEquals("0" + unregistered, results.get(1).getGtin14());
        assertFalse(results.get(2).getFound());
        assertEquals("", results.get(2).getGtin14());
        assertEquals("INVALID_GTIN", results.get(2).getError().getDetail().getReason());
        assertEquals("gtins[2]", results.get(2).getError().getDetail().getField());
        assertEquals(Status.Code.INVALID_ARGUMENT.value(), results.get(2).getError().getCode());
        assertEquals(p, results.get(3).getProduct(), "duplicates are answered each time");

        BatchGetProductsByGtinRequest.Builder tooMany = BatchGetProductsByGtinRequest.newBuilder();
        for (int i = 0; i < 1_001; i++) {
            tooMany.addGtins(p.getGtin());
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtins", "TOO_MANY_ITEMS",
                anonymous.batchGetProductsByGtin(tooMany.build()));
        BatchGetProductsByGtinRequest.Builder full = BatchGetProductsByGtinRequest.newBuilder();
        for (int i = 0; i < 1_000; i++) {
            full.addGtins(i % 2 == 0 ? p.getGtin() : unregistered);
        }
        assertEquals(1_000, anonymous.batchGetProductsByGtin(full.build()).await().atMost(WAIT).getResultsCount());
    }

    @Test
    void gtinOwnersAreAnsweredForAnyGtinAndInvalidOnesFailOnlyTheSingleCall() {
        RightsOwner owner = owner();
        String prefix = prefix();
        Brand brand = brand(owner, prefix);
        List<GtinOwnerResult> results = anonymous.batchGetGtinOwners(BatchGetGtinOwnersRequest.newBuilder()
                .addGtins(gtin(prefix, 5)).addGtins("2000000000008").addGtins("123").build()).await().atMost(WAIT)
                .getResultsList();
        assertEquals(3, results.size());
        assertTrue(results.get(0).getFound());
        assertEquals(brand.getId(), results.get(0).getBrandId());
        assertEquals(prefix, results.get(0).getMatchedPrefix());
        assertFalse(results.get(0).getRegisteredProduct());
        assertFalse(results.get(1).getFound());
        assertEquals("02000000000008", results.get(1).getGtin14());
        assertEquals("", results.get(1).getBrandId());
        assertEquals("gtins[2]", results.get(2).getError().getDetail().getField());
        assertEquals("INVALID_GTIN", results.get(2).getError().getDetail().getReason());
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtin", "INVALID_GTIN",
                anonymous.getGtinOwner(GetGtinOwnerRequest.newBuilder().setGtin("6291041500214").build()));
        assertFalse(owner("2000000000008").getFound());
        BatchGetGtinOwnersRequest.Builder tooMany = BatchGetGtinOwnersRequest.newBuilder();
        for (int i = 0; i < 1_001; i++) {
            tooMany.addGtins("2000000000008");
        }
        assertRefused(Status.Code.INVALID_ARGUMENT, "gtins", "TOO_MANY_ITEMS",
                anonymous.batchGetGtinOwners(tooMany.build()));
    }

    @Test
    void listsAreOrderedByGtinFilteredAndPaged() {
        RightsOwner owner = owner();
        String prefix = prefix();
        Brand brand = brand(owner, prefix);
        BrandRegistryService client = ownerOf(owner);
        client.registerProduct(product(brand, gtin(prefix, 30)).setName("Trail Runner").build()).await().atMost(WAIT);
        client.registerProduct(product(brand, gtin(prefix, 10)).setName("Straße Boot").setHsCode("640391").build())
                .await().atMost(WAIT);
        client.registerProduct(product(brand, gtin(prefix, 20)).setName("ＴＲＡＩＬ Sock").setHsCode("611595").build())
                .await().atMost(WAIT);

        List<String> paged = new ArrayList<>();
        String after = "";
        do {
            ListProductsResponse page = anonymous.listProducts(ListProductsRequest.newBuilder().setBrandId(brand.getId())
                    .setPage(PageRequest.newBuilder().setFirst(2).setAfter(after)).build()).await().atMost(WAIT);
            page.getProductsList().forEach(p -> paged.add(p.getGtin()));
            after = page.getPageInfo().getHasNextPage() ? page.getPageInfo().getEndCursor() : "";
        } while (!after.isEmpty());
        assertEquals(List.of("0" + gtin(prefix, 10), "0" + gtin(prefix, 20), "0" + gtin(prefix, 30)), paged);

        assertEquals(List.of("0" + gtin(prefix, 20), "0" + gtin(prefix, 30)), gtins(ListProductsRequest.newBuilder()
                .setOwnerId(owner.getId()).setNameQuery("trail")));
        assertEquals(List.of("0" + gtin(prefix, 10), "0" + gtin(prefix, 30)), gtins(ListProductsRequest.newBuilder()
                .setBrandId(brand.getId()).setHsCodePrefix("64")));
        assertRefused(Status.Code.INVALID_ARGUMENT, "hs_code_prefix", "INVALID_HS_CODE", anonymous.listProducts(
                ListProductsRequest.newBuilder().setHsCodePrefix("6").build()));
    }

    // --- helpers

    private List<String> gtins(ListProductsRequest.Builder request) {
        return anonymous.listProducts(request.build()).await().atMost(WAIT).getProductsList().stream()
                .map(Product::getGtin).toList();
    }

    private GtinOwnerResult owner(String gtin) {
        return anonymous.getGtinOwner(GetGtinOwnerRequest.newBuilder().setGtin(gtin).build()).await().atMost(WAIT)
                .getResult();
    }

    private static RegisterProductRequest.Builder product(Brand brand, String gtin) {
        return RegisterProductRequest.newBuilder().setBrandId(brand.getId()).setGtin(gtin).setName("Air Runner")
                .setHsCode("640411").addMsrps(price("DE", "EUR", 12_999));
    }

    private static MarketPrice.Builder price(String country, String currency, long amount) {
        return MarketPrice.newBuilder().setCountry(country)
                .setPrice(Money.newBuilder().setCurrency(currency).setAmountMinor(amount));
    }

    private static UpdateProductRequest update(Product p, String... paths) {
        return UpdateProductRequest.newBuilder().setProduct(p)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build();
    }

    /** A fresh 9-digit prefix starting with 4 (not the fixed ones above): prefixes are unique across brands. */
    private static String prefix() {
        return "4" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000L));
    }

    /** The GTIN-13 of item {@code item} under a 9-digit prefix. */
    private static String gtin(String prefix, int item) {
        String body = prefix + String.format("%03d", item);
        return body + Gtin.checkDigit(body);
    }

    private RightsOwner owner() {
        return as(TestTokens.token("admin")).registerRightsOwner(RegisterRightsOwnerRequest.newBuilder()
                .setLegalName("Produktwerk GmbH").setCountry("DE").setAddress("Hauptstrasse 1, 10115 Berlin")
                .setPhone("+49 30 1234567").setEmail("legal@produktwerk.example")
                .setTradeRegisterNumber("HRB-" + UUID.randomUUID()).build()).await().atMost(WAIT).getOwner();
    }

    private Brand brand(RightsOwner owner, String... prefixes) {
        return ownerOf(owner).registerBrand(RegisterBrandRequest.newBuilder().setOwnerId(owner.getId())
                .setName("Brand " + UUID.randomUUID()).addAllGs1CompanyPrefixes(List.of(prefixes)).build())
                .await().atMost(WAIT).getBrand();
    }

    private long brandVersion(Brand brand) {
        return count("SELECT version FROM brand WHERE id = '" + brand.getId() + "'");
    }

    private long count(String sql) {
        return db.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static void assertRefused(Status.Code code, String field, String reason, Uni<?> call) {
        Refusals.assertRefused(ErrorDetail.class, code, field, reason, call);
    }
}
